import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validatePack } from '../../../data/validate';

// Keeps data/README.md honest: its complete example must be a valid pack.
describe('data/README.md', () => {
  it('has a complete example that validates', () => {
    const readme = readFileSync(resolve(__dirname, '../../../data/README.md'), 'utf8');
    const block = /```json\n([\s\S]*?)```/.exec(readme)?.[1];
    expect(block).toBeDefined();
    const result = validatePack(JSON.parse(block!));
    expect(result.ok ? [] : result.problems).toEqual([]);
  });
});

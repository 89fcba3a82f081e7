// @vitest-environment node
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build, type Rollup } from 'vite';
import { afterAll, describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHint, mapDownOneLine, withCompileHint } from '../../scripts/compile-hint';

const dir = mkdtempSync(join(tmpdir(), 'backstory-compile-hint-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const entry = join(dir, 'entry.ts');
writeFileSync(
  entry,
  [
    'export function greet(name: string): string {',
    '  return `hello ${name}`;',
    '}',
    'greet("page");',
    '',
  ].join('\n'),
);

/** Builds the entry as `page-main.js` (minified, as the extension's build does), with or without the plugin. */
async function bundle(sourcemap: boolean | 'inline', hint: boolean) {
  const result = (await build({
    configFile: false,
    logLevel: 'silent',
    plugins: hint ? [compileHint(['page-main.js'])] : [],
    build: {
      write: false,
      minify: true,
      sourcemap,
      lib: { entry, formats: ['iife'], name: 'pageMain', fileName: () => 'page-main.js' },
    },
  })) as Rollup.RollupOutput[];
  const output = result[0]!.output;
  const chunk = output.find((o) => o.fileName === 'page-main.js') as Rollup.OutputChunk;
  const map = output.find((o) => o.fileName === 'page-main.js.map') as Rollup.OutputAsset | undefined;
  return { code: chunk.code, map: map && JSON.parse(String(map.source)) };
}

const inlineMap = (code: string) =>
  JSON.parse(Buffer.from(/base64,([A-Za-z0-9+/=]+)\s*$/.exec(code)![1]!, 'base64').toString('utf8'));

describe('compile hint', () => {
  it('puts the hint on the first line, once', () => {
    const once = withCompileHint('var a=1;');
    expect(once).toBe(`${COMPILE_HINT}\nvar a=1;`);
    expect(withCompileHint(once)).toBe(once);
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
    expect(JSON.parse(mapDownOneLine('{"version":3,"mappings":"AAAA;AACA"}'))).toEqual({
      version: 3,
      mappings: ';AAAA;AACA',
    });
  });

  it('a real minified build starts with the hint, the code otherwise the same', async () => {
    const plain = await bundle(false, false);
    const hinted = await bundle(false, true);
    expect(plain.code.startsWith(COMPILE_HINT)).toBe(false);
    expect(hinted.code).toBe(`${COMPILE_HINT}\n${plain.code}`);
  });

  it('moves a source map beside the file down the added line', async () => {
    const plain = await bundle(true, false);
    const hinted = await bundle(true, true);
    expect(hinted.code.split('\n', 1)[0]).toBe(COMPILE_HINT);
    expect(hinted.map.mappings).toBe(`;${plain.map.mappings}`);
    expect(hinted.map.sources).toEqual(plain.map.sources);
  });

  it('moves an inline source map (dev builds) down the added line', async () => {
    const plain = await bundle('inline', false);
    const hinted = await bundle('inline', true);
    expect(hinted.code.split('\n', 1)[0]).toBe(COMPILE_HINT);
    expect(inlineMap(hinted.code).mappings).toBe(`;${inlineMap(plain.code).mappings}`);
  });
});

import { describe, expect, it } from 'vitest';
import { COMPILE_HINT, compileHint, withCompileHint } from '../../scripts/compile-hint';

type Bundle = Record<string, { type: 'chunk' | 'asset'; code?: string; map?: { mappings: string } | null }>;

/** Runs the plugin's generateBundle over a fake bundle, as Rollup would. */
function generate(fileNames: string[], bundle: Bundle): Bundle {
  const plugin = compileHint(fileNames);
  const hook = plugin.generateBundle as (options: unknown, bundle: Bundle) => void;
  hook.call({}, {}, bundle);
  return bundle;
}

describe('compile hint', () => {
  it('puts the hint on the first line, once', () => {
    const once = withCompileHint('var a=1;');
    expect(once).toBe(`${COMPILE_HINT}\nvar a=1;`);
    expect(withCompileHint(once)).toBe(once);
    expect(COMPILE_HINT).toBe('//# allFunctionsCalledOnLoad');
  });

  it('marks only the named chunks, and moves a source map down a line', () => {
    const bundle = generate(['page-main.js'], {
      'page-main.js': { type: 'chunk', code: 'var pageMain=1;', map: { mappings: 'AAAA' } },
      'card-ui.js': { type: 'chunk', code: 'var cardUi=1;', map: null },
      'style.css': { type: 'asset' },
    });
    expect(bundle['page-main.js']!.code).toBe(`${COMPILE_HINT}\nvar pageMain=1;`);
    expect(bundle['page-main.js']!.map!.mappings).toBe(';AAAA');
    expect(bundle['card-ui.js']!.code).toBe('var cardUi=1;');
    // A second pass changes nothing.
    generate(['page-main.js'], bundle);
    expect(bundle['page-main.js']!.code).toBe(`${COMPILE_HINT}\nvar pageMain=1;`);
    expect(bundle['page-main.js']!.map!.mappings).toBe(';AAAA');
  });

  it('is a build-only plugin that runs after the others (after minification)', () => {
    const plugin = compileHint(['page-main.js']);
    expect(plugin.apply).toBe('build');
    expect(plugin.enforce).toBe('post');
  });
});

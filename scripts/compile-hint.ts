/**
 * V8's explicit compile hint (Chrome 136+): a file whose first line is
 * `//# allFunctionsCalledOnLoad` has all its functions compiled when the file is, instead
 * of each on its first call. The content script's page module (page-main.js) is fetched
 * and compiled on a background thread (script streaming, utils/page/page-loader.ts), and
 * most of its functions run on every page it loads in; without the hint each of those was
 * parsed a second time and compiled on the page's main thread when first called
 * (issue 16, seed article: main-thread CPU 10.6 → 8.2 ms, median of three interleaved rounds
 * of `npm run bench -- cost`; the background compile took 1.4–1.5 → 3.1–3.6 ms, since it now
 * compiles the functions a page never calls too). Other engines read it as a comment.
 */
import type { Plugin } from 'vite';

export const COMPILE_HINT = '//# allFunctionsCalledOnLoad';

const INLINE_MAP =
  /(\/\/# sourceMappingURL=data:application\/json;(?:charset=utf-8;)?base64,)([A-Za-z0-9+/=]+)(\s*)$/;

/** Whether `code` already starts with the hint's line. */
function hasCompileHint(code: string): boolean {
  return code.startsWith(`${COMPILE_HINT}\n`);
}

/** `code` with the hint as its first line (once). */
export function withCompileHint(code: string): string {
  return hasCompileHint(code) ? code : `${COMPILE_HINT}\n${code}`;
}

/** A source map (JSON) for the same file with one line put before it. */
export function mapDownOneLine(json: string): string {
  const map = JSON.parse(json) as { mappings: string };
  return JSON.stringify({ ...map, mappings: `;${map.mappings}` });
}

/** `code` with its inline source map, if it has one, moved down a line. */
function inlineMapDownOneLine(code: string): string {
  return code.replace(
    INLINE_MAP,
    (_all, head: string, data: string, tail: string) =>
      `${head}${Buffer.from(mapDownOneLine(Buffer.from(data, 'base64').toString('utf8'))).toString('base64')}${tail}`,
  );
}

/**
 * A build plugin that puts the hint on the named output files. It runs when the bundle is
 * written, after minification, which would drop the comment; the file's source map (a
 * `.map` beside it, or inline, as WXT's dev builds have) moves down the line it adds.
 */
export function compileHint(fileNames: readonly string[]): Plugin {
  return {
    name: 'backstory:compile-hint',
    apply: 'build',
    enforce: 'post',
    generateBundle(_options, bundle) {
      for (const name of fileNames) {
        const chunk = bundle[name];
        if (chunk?.type !== 'chunk' || hasCompileHint(chunk.code)) continue;
        chunk.code = withCompileHint(inlineMapDownOneLine(chunk.code));
        const map = bundle[`${name}.map`];
        if (map?.type === 'asset')
          map.source = mapDownOneLine(
            typeof map.source === 'string' ? map.source : Buffer.from(map.source).toString('utf8'),
          );
      }
    },
  };
}

/**
 * Why a browser's end-to-end suite cannot run here, shared by the Chromium and Firefox
 * session helpers: no browser, or no build of the extension. The reason is printed once
 * per suite and run; under CI either is an error, never a skip.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export interface SuiteNeeds {
  /** Log prefix and the browser's name: `[e2e]`, `Chromium`. */
  tag: string;
  browser: string;
  browserPath: string | undefined;
  /** How to get the browser (`install chromium or set CHROME_PATH`). */
  installHint: string;
  /** The Debian package CI installs. */
  debianPackage: string;
  extensionDir: string;
  /** The command that builds `extensionDir`. */
  buildCommand: string;
  /** What the skip line says is skipped. */
  suite: string;
}

export function skipChecker(needs: SuiteNeeds): () => string | undefined {
  let logged = false;
  const why = (): string | undefined => {
    const ci = process.env.CI === 'true';
    if (!needs.browserPath) {
      if (ci)
        throw new Error(
          `CI=true but no ${needs.browser} found (install Debian package ${needs.debianPackage})`,
        );
      return `no ${needs.browser} found (${needs.installHint}): ${needs.suite} skipped`;
    }
    if (!existsSync(join(needs.extensionDir, 'manifest.json'))) {
      const out = needs.extensionDir.split(/[\\/]/).slice(-2).join('/');
      if (ci) throw new Error(`CI=true but ${out} is missing: run ${needs.buildCommand} first`);
      return `no build in ${out} (run ${needs.buildCommand}): ${needs.suite} skipped`;
    }
    return undefined;
  };
  return () => {
    const reason = why();
    if (reason && !logged) {
      logged = true;
      console.log(`${needs.tag} ${reason}`);
    }
    return reason;
  };
}

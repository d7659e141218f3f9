/**
 * The page's script and HTML skeleton. The build inlines both into the CLI bundle
 * (defines), so `ciprof report` and the Action need no file beside them. From source
 * (tests) the skeleton is read from templates/ and the script bundled with esbuild, a
 * devDependency, so tests never depend on a stale dist/.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

declare const __CIPROF_REPORT_UI__: string | undefined;
declare const __CIPROF_REPORT_TEMPLATE__: string | undefined;

let cachedScript: string | undefined;

export function reportUiScript(): string {
  if (typeof __CIPROF_REPORT_UI__ === 'string') return __CIPROF_REPORT_UI__;
  if (cachedScript === undefined) {
    // The module name is in a variable so the production bundle does not pull esbuild in.
    const esbuildName = 'esbuild';
    const esbuild = createRequire(import.meta.url)(esbuildName) as typeof import('esbuild');
    const out = esbuild.buildSync({ ...REPORT_UI_BUILD_OPTIONS, entryPoints: [fileURLToPath(new URL('../report-ui/main.ts', import.meta.url))], write: false });
    cachedScript = out.outputFiles[0]!.text;
  }
  return cachedScript;
}

export function reportTemplate(): string {
  if (typeof __CIPROF_REPORT_TEMPLATE__ === 'string') return __CIPROF_REPORT_TEMPLATE__;
  return readFileSync(fileURLToPath(new URL('../../templates/report.html', import.meta.url)), 'utf8');
}

/** Shared with scripts/build.mjs (which cannot import TypeScript, so it repeats them). */
export const REPORT_UI_BUILD_OPTIONS = { bundle: true, format: 'iife', target: 'chrome100', minify: true, legalComments: 'none', platform: 'browser' } as const;

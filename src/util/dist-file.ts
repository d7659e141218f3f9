import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/**
 * Finds a file that the build puts beside the bundle (dist/agent.cjs, dist/runners/…).
 * From dist/ it is a sibling; from source (tests) it is in the built dist/.
 */
export function distFile(name: string): string {
  // dist/cli.js, a split chunk in dist/chunks/, or src/<folder>/ when running from source.
  const candidates = [new URL(`./${name}`, import.meta.url), new URL(`../${name}`, import.meta.url), new URL(`../../dist/${name}`, import.meta.url)];
  for (const c of candidates) {
    const p = fileURLToPath(c);
    if (existsSync(p)) return p;
  }
  throw new Error(`cannot find ${name} next to ciprof (run npm run build)`);
}

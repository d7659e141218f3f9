/** Bundles decode-harness.ts (esbuild, as scripts/build.mjs does) and runs it in a child Node with a heap cap. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { build } from 'esbuild';
import { ROOT } from '../helpers/cli.js';

export interface DecodeOutcome {
  ok: number;
  rejected: number;
  crashes: { input: string; error: string }[];
  multiLine: string[];
  problems: Record<string, number>;
  maxIterationMs: number;
  slowest: string;
  peakHeapMB: number;
  peakRssMB: number;
}

let bundled: Promise<string> | undefined;

function harness(): Promise<string> {
  bundled ??= (async () => {
    const outfile = join(mkdtempSync(join(tmpdir(), 'ciprof-harness-')), 'decode-harness.mjs');
    await build({ entryPoints: [join(ROOT, 'test/profile/decode-harness.ts')], bundle: true, platform: 'node', format: 'esm', target: 'node20', outfile, logLevel: 'warning' });
    return outfile;
  })();
  return bundled;
}

/** Runs the harness; a crash of the child (out of memory, abort) fails with its stderr. */
export async function runDecodeChild(args: string[], heapMB: number): Promise<DecodeOutcome> {
  const r = spawnSync(process.execPath, [`--max-old-space-size=${heapMB}`, await harness(), ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 300_000 });
  if (r.status !== 0) throw new Error(`decode child exited ${r.status ?? r.signal}: ${r.stderr.slice(-2000)}`);
  return JSON.parse(r.stdout) as DecodeOutcome;
}

/** Runs a fixture suite under the real built CLI and reads back the labelled profile. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Profile } from '../../src/profile/model.js';
import { readProfileFile } from '../../src/profile/read.js';
import { envForNode } from './cli.js';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
export const FIXTURES = path.join(ROOT, 'test/fixtures/projects');
export const bin = (rel: string): string => path.join(ROOT, 'node_modules', rel);

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
  profile: Profile;
  json: { tests?: { file: string; name: string; wallMs: number | null; cpuMs: number }[] };
}

/** Runs `ciprof run` on `node` (default: the Node running the tests), with that node first on PATH. */
export function runUnderCli(fixture: string, command: string[], env: NodeJS.ProcessEnv = {}, node?: string): CliRun {
  const out = mkdtempSync(path.join(tmpdir(), 'ciprof-attr-'));
  const r = spawnSync(node ?? process.execPath, [path.join(ROOT, 'dist/cli.js'), 'run', '--no-store', '--out', out, '--', ...command], {
    cwd: path.join(FIXTURES, fixture),
    env: { ...envForNode(node), NODE_OPTIONS: '', ...env },
    encoding: 'utf8',
    timeout: 90_000,
  });
  return {
    status: r.status,
    stdout: r.stdout,
    stderr: r.stderr,
    profile: readProfileFile(path.join(out, 'profile.pb.gz')),
    json: JSON.parse(readFileSync(path.join(out, 'profile.json'), 'utf8')) as CliRun['json'],
  };
}

/**
 * Of the samples with `fn` on the stack, the share (by sample count) whose labels
 * pass `match`; also the total, so a test can insist there were enough samples.
 */
export function attributedShare(profile: Profile, fn: string, match: (labels: Profile['samples'][number]['labels']) => boolean): { share: number; total: number } {
  const ci = profile.sampleTypes.findIndex((t) => t.unit === 'count');
  let total = 0;
  let hit = 0;
  for (const s of profile.samples) {
    if (!s.stack.some((i) => profile.functions[i]?.name === fn)) continue;
    const n = s.values[ci] ?? 0;
    total += n;
    if (match(s.labels)) hit += n;
  }
  return { share: total ? hit / total : 0, total };
}

/**
 * `npm test` on both sides: npm's own process is profiled (process_role=launcher) in the
 * base and in the head, and the diff leaves it out of the rows, the verdict, the suite
 * totals and the changed paths unless asked (`--include-launchers`, the Action's
 * `include-launchers`). Real npm, the built CLI, real profiles.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DiffReport } from '../../src/diff/diff-report.js';
import { buildDiffReport } from '../../src/pipeline/diff.js';
import type { Profile } from '../../src/profile/model.js';
import { readProfileFile } from '../../src/profile/read.js';
import { isLauncherSample } from '../../src/profile/roles.js';
import { runCli } from '../helpers/cli.js';

let dir: string;
let base: Profile;
let head: Profile;

const keyOf = (p: Profile, id: number): string => {
  const f = p.functions[id]!;
  return `${f.name}\u0000${f.file}\u0000${f.line}`;
};

/** Functions seen only in the launcher's samples (npm's own code) of these profiles, by (name, file, line). */
function launcherOnly(...profiles: Profile[]): Set<string> {
  const launcher = new Set<string>();
  const rest = new Set<string>();
  for (const p of profiles) for (const s of p.samples) for (const id of s.stack) (isLauncherSample(s) ? launcher : rest).add(keyOf(p, id));
  return new Set([...launcher].filter((k) => !rest.has(k)));
}

const frameKey = (f: { name: string; file: string; line: number }): string => `${f.name}\u0000${f.file}\u0000${f.line}`;

function ciprofDiff(extra: string[]): DiffReport {
  const r = runCli(['diff', '--base', join(dir, 'base/profile.pb.gz'), '--head', join(dir, 'head/profile.pb.gz'), '--json', '-o', join(dir, 'diff'), '--job-key', 'npm', ...extra], { cwd: dir });
  expect(r.status, r.stderr).toBe(0);
  return JSON.parse(r.stdout) as DiffReport;
}

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'ciprof-npm-diff-'));
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name: 'launcher-diff', private: true, scripts: { test: 'node work.js' } }));
  writeFileSync(join(dir, 'work.js'), 'function suiteWork() { let s = 0; for (let i = 0; i < 4e7; i++) s += i % 7; return s; }\nsuiteWork();\n');
  for (const side of ['base', 'head']) {
    const r = runCli(['run', '--no-store', '--no-report', '-q', '--out', join(dir, side), '--', 'npm', 'test', '--silent'], { cwd: dir });
    expect(r.status, r.stderr).toBe(0);
  }
  base = readProfileFile(join(dir, 'base/profile.pb.gz'));
  head = readProfileFile(join(dir, 'head/profile.pb.gz'));
}, 120_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

describe('the diff of two `npm test` runs', () => {
  it('both sides carry npm as a launcher process with functions of its own', () => {
    for (const p of [base, head]) {
      expect(p.samples.some(isLauncherSample)).toBe(true);
      expect(launcherOnly(p).size).toBeGreaterThan(0);
    }
  });

  it('leaves the launcher out of rows, totals and changed paths by default; --include-launchers keeps it', () => {
    const npmFunctions = launcherOnly(base, head);
    // Every threshold open: any function compared could become a row.
    const open = ['--min-ms', '0', '--min-pct', '0', '--min-samples', '0', '--alpha', '0.999'];
    const dflt = ciprofDiff(open);
    // The comment written beside diff.json (every threshold open) names none of npm's files.
    const comment = readFileSync(join(dir, 'diff/comment.md'), 'utf8');
    expect(comment).toContain('<!-- ciprof:npm -->');
    expect(comment).not.toContain('node_modules/npm/');
    const kept = ciprofDiff([...open, '--include-launchers']);

    const compared = (r: DiffReport): string[] => r.diff!.functions.map((f) => frameKey(f.frame)).filter((k) => npmFunctions.has(k));
    expect(compared(dflt)).toEqual([]);
    expect(compared(kept).length).toBeGreaterThan(0);
    const rows = (r: DiffReport): string[] => [...r.diff!.regressions, ...r.diff!.improvements].map((f) => frameKey(f.frame));
    expect(rows(dflt).filter((k) => npmFunctions.has(k))).toEqual([]);

    // The suite's CPU time is the tests' own: the launcher's samples are out of it.
    const launcherNs = (p: Profile): number => p.samples.filter(isLauncherSample).reduce((n, s) => n + (s.values[1] ?? 0), 0);
    expect(launcherNs(head)).toBeGreaterThan(0);
    expect(kept.diff!.head.cpuNs - dflt.diff!.head.cpuNs).toBeGreaterThan(0);

    const pathFrames = (r: DiffReport): string[] => {
      const out: string[] = [];
      const walk = (n: DiffReport['changedPaths'][number]): void => {
        out.push(frameKey(n.frame));
        n.children.forEach(walk);
      };
      r.changedPaths.forEach(walk);
      return out;
    };
    expect(pathFrames(dflt).filter((k) => npmFunctions.has(k))).toEqual([]);
  });

  it('buildDiffReport (the builder the Action, diff and compare share) defaults to leaving launchers out', () => {
    const common = { ci: { provider: 'local', jobKey: 'npm' } as Parameters<typeof buildDiffReport>[0]['ci'], provenance: { source: 'file' as const, found: true, reason: 'test' }, head: {}, thresholds: { minMs: 0, minPct: 0, minSamples: 0, alpha: 0.999 } };
    const npmFunctions = launcherOnly(base, head);
    const single = buildDiffReport({ ...common, baseRuns: [base], headRuns: [head] });
    expect(single.head.samples.some(isLauncherSample)).toBe(false);
    expect(single.report.diff!.functions.some((f) => npmFunctions.has(frameKey(f.frame)))).toBe(false);
    // compare's repeated-runs model goes through the same filter.
    const repeated = buildDiffReport({ ...common, baseRuns: [base, base], headRuns: [head, head], repeated: true });
    expect(repeated.report.diff!.functions.some((f) => npmFunctions.has(frameKey(f.frame)))).toBe(false);
    const withLaunchers = buildDiffReport({ ...common, baseRuns: [base, base], headRuns: [head, head], repeated: true, includeLaunchers: true });
    expect(withLaunchers.report.diff!.functions.some((f) => npmFunctions.has(frameKey(f.frame)))).toBe(true);
  });
});

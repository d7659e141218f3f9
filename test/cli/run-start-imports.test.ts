/**
 * `ciprof run` spawns the test command before it loads what it needs only afterwards:
 * every module loaded before the spawn is time the user waits with nothing running (on
 * Node 24, 30 paired runs: the command's first line came 7-11 ms sooner once the per-test
 * records' code left this path). This reads the static import graph of src/cli/run.ts as
 * esbuild bundles it (dynamic imports are the loads that happen once the command runs) and
 * checks that none of the after-command stages is on it.
 */
import * as path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';

/** The modules src/cli/run.ts loads before its first dynamic import, repository-relative. */
async function staticClosure(entry: string): Promise<Set<string>> {
  const result = await build({
    entryPoints: [path.join(ROOT, entry)],
    absWorkingDir: ROOT,
    bundle: true,
    platform: 'node',
    format: 'esm',
    splitting: true,
    outdir: path.join(ROOT, '.cache', 'never-written'),
    write: false,
    metafile: true,
    logLevel: 'silent',
    define: { __CIPROF_VERSION__: '"0"', __CIPROF_REPORT_UI__: '""', __CIPROF_REPORT_TEMPLATE__: '""', __CIPROF_COMMENT_TEMPLATE__: '""' },
  });
  const inputs = result.metafile.inputs;
  const seen = new Set<string>();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop()!;
    if (seen.has(file)) continue;
    seen.add(file);
    for (const i of inputs[file]?.imports ?? []) if (i.kind === 'import-statement' && !i.external) queue.push(i.path);
  }
  return seen;
}

describe('what ciprof run loads before it spawns the command', () => {
  it('holds the spawn, the agent preloads and the child environment', async () => {
    const before = await staticClosure('src/cli/run.ts');
    for (const needed of ['src/collect/spawn.ts', 'src/collect/attribution.ts', 'src/collect/child-env.ts', 'src/collect/preload-files.ts']) expect(before, needed).toContain(needed);
  });

  it('holds none of the stages after the command: records, gather, profile model, encode, store, report', async () => {
    const before = [...(await staticClosure('src/cli/run.ts'))];
    const after = before.filter((f) => /^src\/(collect\/(test-attribution|test-labeler|test-record-read|gather)|profile\/(model|tests|blocked|pprof|gzip)|render\/|store\/|pipeline\/(collect-label|outputs|store|settings)|sourcemap\/)/.test(f));
    expect(after).toEqual([]);
  });
});

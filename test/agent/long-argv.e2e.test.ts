/**
 * A node process started with a long argument (execa's "Very long arguments" test passes
 * one of 10,000 characters to a node child) lost its whole profile: the agent recorded argv
 * as it was, and the collector refused the `$ciprof` block ("argv is not a list of at most
 * 64 strings"). Two of execa's child processes a run went unprofiled that way. The agent now records each argument
 * clipped (protocol.ts MAX_ARG_CHARS), and the collector clips what it reads instead of
 * dropping the thread.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { mkdtempSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { MAX_ARG_CHARS } from '../../src/agent/protocol.js';
import { NODE_VERSIONS, runCli } from '../helpers/cli.js';

const work = mkdtempSync(join(tmpdir(), 'ciprof-long-argv-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)('profiles a process whose argument is 100,000 characters long', () => {
    const long = 'a'.repeat(100_000);
    const out = join(work, `out-${node.major}`);
    const r = runCli(['run', '--no-store', '--no-report', '--keep-raw', '--out', out, '--', node.bin, '-e', 'console.log(process.argv[1].length)', long], { cwd: work, node: node.bin });
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toBe('100000\n');
    expect(r.stderr).not.toMatch(/bad "\$ciprof" block|no Node\.js process wrote a profile/);
    const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')) as { processes: number; threads: number };
    expect(summary).toMatchObject({ processes: 1, threads: 1 });

    const rawDir = /raw V8 profiles kept in (\S+)/.exec(r.stderr)![1]!;
    const file = readdirSync(rawDir).find((f) => f.endsWith('.cpuprofile'))!;
    const block = (JSON.parse(readFileSync(join(rawDir, file), 'utf8')) as { $ciprof: { argv: string[] } }).$ciprof;
    rmSync(rawDir, { recursive: true, force: true });
    // `node -e CODE ARG`: argv[1] is the argument; recorded clipped, with an ellipsis.
    expect(block.argv[0]!.length).toBe(MAX_ARG_CHARS);
    expect(block.argv[0]!.endsWith('…')).toBe(true);
  });
});

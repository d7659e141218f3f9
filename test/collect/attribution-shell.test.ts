/** The Action's `run:` input is one shell line: the runner is recognised on its words. */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { setupAttribution } from '../../src/collect/attribution.js';
import { readProfileFile } from '../../src/profile/read.js';
import { FIXTURES, ROOT, runCli } from '../helpers/cli.js';

const opts = { env: {}, cwd: ROOT, repoRoot: ROOT, warn: () => {} };

describe('attribution for a shell command line', () => {
  it('adds mocha root hooks right after the mocha word, keeping the rest of the line', () => {
    const { attribution } = setupAttribution(['npx mocha --parallel "test/**/*.test.js" && echo done'], opts);
    expect(attribution?.runner).toBe('mocha');
    expect(attribution!.command).toHaveLength(1);
    expect(attribution!.command[0]).toMatch(/^npx mocha --require ".*runners\/mocha\.cjs" --parallel "test\/\*\*\/\*\.test\.js" && echo done$/);
  });

  it('recognises node --test in a shell line and labels samples by test', () => {
    const out = mkdtempSync(join(tmpdir(), 'ciprof-shell-'));
    const r = runCli(['run', '--no-store', '--no-report', '-q', '--out', out, '--', 'node --test test/'], { cwd: join(FIXTURES, 'node-test') });
    expect(r.status).toBe(0);
    const tests = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8')).tests as { name: string }[];
    expect(tests.map((t) => t.name)).toContain('b burns hotB');
    const labelled = readProfileFile(join(out, 'profile.pb.gz')).samples.filter((s) => s.labels.test_name === 'a burns hotA');
    expect(labelled.length).toBeGreaterThan(0);
  });
});

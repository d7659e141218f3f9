/**
 * A shell command line (the Action's `run:` input, `ciprof run -- "npm test && …"`) runs
 * as the user wrote it: nothing is inserted into it, so a line that names mocha twice,
 * or names it as an argument of another command, keeps its meaning, and the hooks still
 * reach every mocha process through NODE_OPTIONS. ciprof and the project live under a
 * directory whose name holds `$HOME` and backticks, which a shell would expand if a path
 * were ever pasted into the line unquoted.
 */
import { cpSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readProfileFile } from '../../src/profile/read.js';
import { attributedShare } from '../helpers/attribution.js';
import { FIXTURES, NODE_VERSIONS, ROOT, runCli } from '../helpers/cli.js';

/** ciprof's dist/ and the mocha-shell fixture copied under `<tmp>/ci$HOME`pwd`prof/`. */
function oddlyNamedCheckout(): { cli: string; project: string } {
  const base = join(mkdtempSync(join(tmpdir(), 'ciprof-shell-')), 'ci$HOME`pwd`prof');
  cpSync(join(ROOT, 'dist'), join(base, 'dist'), { recursive: true });
  const projects = join(base, 'projects');
  mkdirSync(projects, { recursive: true });
  cpSync(join(FIXTURES, 'mocha-shell'), join(projects, 'mocha-shell'), { recursive: true });
  cpSync(join(FIXTURES, 'lib'), join(projects, 'lib'), { recursive: true });
  symlinkSync(join(ROOT, 'node_modules'), join(projects, 'mocha-shell', 'node_modules'));
  return { cli: join(base, 'dist', 'cli.js'), project: join(projects, 'mocha-shell') };
}

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)('runs a shell line with mocha twice, after `test -x …mocha`, as written, and attributes both runs', () => {
    const { cli, project } = oddlyNamedCheckout();
    const out = mkdtempSync(join(tmpdir(), 'ciprof-shell-out-'));
    const line = 'test -x node_modules/.bin/mocha && node_modules/.bin/mocha test/a.test.js && mocha test/b.test.js';
    const r = runCli(['run', '--no-store', '--no-report', '--out', out, '--', line], {
      cwd: project,
      node: node.bin,
      env: { PATH: `${dirname(node.bin)}${delimiter}${join(ROOT, 'node_modules', '.bin')}${delimiter}${process.env.PATH}` },
      cli,
    });
    expect(r.status, r.stderr).toBe(0);
    // Both mocha runs printed their report: the line ran as written.
    expect(r.stdout.match(/1 passing/g)).toHaveLength(2);
    expect(r.stderr).not.toMatch(/ciprof: warning/);
    const profile = readProfileFile(join(out, 'profile.pb.gz'));
    const a = attributedShare(profile, 'hotA', (l) => String(l.test_file).endsWith('test/a.test.js') && l.test_name === 'a > burns hotA');
    const b = attributedShare(profile, 'hotB', (l) => String(l.test_file).endsWith('test/b.test.js') && l.test_name === 'b > burns hotB');
    expect(a.total).toBeGreaterThan(20);
    expect(b.total).toBeGreaterThan(20);
    expect(a.share).toBeGreaterThanOrEqual(0.9);
    expect(b.share).toBeGreaterThanOrEqual(0.9);
    const summary = JSON.parse(readFileSync(join(out, 'profile.json'), 'utf8'));
    expect(summary.processes).toBe(2);
  });
});

/**
 * Every output and store entry is written atomically (issue 15, "Writes are atomic"), shown
 * two ways:
 *   - the source: no module of src/ writes a file except through util/atomic-write.ts, bar
 *     an explicit allow-list of internal files, each with the reason it may (the check is
 *     shown to catch a plain write on a small tree of its own);
 *   - the behaviour: the built CLI's `merge -o`, `export -o` and `report -o`, and the local
 *     store, in a child whose file-size limit (`ulimit -f`) makes write(2) fail part-way
 *     (EFBIG, as a full disk gives ENOSPC), leave the previous file intact, no temp file,
 *     one error line.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePprofGzip } from '../../src/profile/gzip.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { CLI, ROOT } from '../helpers/cli.js';

/** Calls that write a file other than through writeFileAtomic. */
const WRITE_CALL = /\b(?:writeFileSync|appendFileSync|createWriteStream|copyFileSync|cpSync|writeFile|appendFile|renameSync|writeSync|copyFile|rename)\s*\(/g;

/** File -> how many such calls it may make, and why. Anything else must use util/atomic-write.ts. */
const ALLOWED: Record<string, { calls: number; why: string }> = {
  'util/atomic-write.ts': { calls: 2, why: 'the atomic write itself: temp file, then rename' },
  'agent/profiler.ts': { calls: 4, why: 'runs inside the tests\' processes, imports nothing of ours; raw profile by temp + rename, start/no-inspector markers in the private raw dir' },
  'agent/alloc.ts': { calls: 2, why: 'inside the tests\' processes: the raw allocation profile by temp + rename in the raw dir' },
  'agent/scripts.ts': { calls: 2, why: 'inside the tests\' processes: source maps by temp + rename in the raw dir' },
  'agent/agent.ts': { calls: 1, why: 'inside the tests\' processes: an empty flush marker in the raw dir' },
  'agent/run-warnings.ts': { calls: 1, why: 'inside the tests\' processes: warning lines appended to the thread\'s file in the raw dir, read after the command' },
  'collect/runners/hooks/runner-role.ts': { calls: 2, why: 'inside the runner: empty marker files in the raw dir (runner main, node:test file process)' },
  'collect/profile-command.ts': { calls: 2, why: 'in the private raw dir it has just made, before the command starts: an empty marker file and run-env.json (read only by processes of this run)' },
  'collect/preload-files.ts': { calls: 3, why: 'the node_modules mirror of the preloads: built in a fresh private dir, then renamed whole into place (a rename is atomic)' },
  'collect/test-record.ts': { calls: 1, why: 'inside the runner: per-test records appended line by line, a torn last line skipped by the reader' },
  'store/local.ts': { calls: 1, why: 'the store index: append-only lines (concurrent jobs), a torn line skipped and never joined to the next' },
  'pipeline/compare.ts': { calls: 1, why: 'a rename of a profile already written atomically (rename is atomic)' },
  'pipeline/warmup-input.ts': { calls: 1, why: 'the JIT warm-up\'s synthetic raw files, in its own private temp dir, removed after: scratch, not an output' },
  'pipeline/warmup.ts': { calls: 1, why: 'CIPROF_WARMUP_TRACE (tests only): event lines appended to the file the test names' },
};

function tsFiles(dir: string, base = dir): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const full = path.join(dir, e.name);
    if (e.isDirectory()) return tsFiles(full, base);
    return e.name.endsWith('.ts') ? [path.relative(base, full).split(path.sep).join('/')] : [];
  });
}

/** Writes not allowed: `file: n call(s) (allowed m)`. */
function unallowedWrites(srcDir: string, allowed: typeof ALLOWED): string[] {
  const out: string[] = [];
  for (const file of tsFiles(srcDir)) {
    // Comments name these functions too (why a write is safe); only code counts.
    const code = readFileSync(path.join(srcDir, file), 'utf8').replace(/\/\*[\s\S]*?\*\/|\/\/[^\n]*/g, '');
    const calls = [...code.matchAll(WRITE_CALL)].length;
    const may = allowed[file]?.calls ?? 0;
    if (calls !== may) out.push(`${file}: ${calls} write call(s) (allowed ${may})`);
  }
  return out;
}

describe('no direct file writes in src/ outside util/atomic-write.ts', () => {
  it('only the allow-listed files write directly, each as often as listed', () => {
    expect(tsFiles(path.join(ROOT, 'src')).length).toBeGreaterThan(80);
    expect(unallowedWrites(path.join(ROOT, 'src'), ALLOWED)).toEqual([]);
  });

  it('the check catches a plain write, a stream and an extra call in an allowed file', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-writes-'));
    try {
      mkdirSync(path.join(dir, 'pipeline'));
      mkdirSync(path.join(dir, 'store'));
      writeFileSync(path.join(dir, 'pipeline/outputs.ts'), "import { writeFileSync } from 'node:fs';\n// writeFileSync(x) in a comment does not count\nwriteFileSync('p', b);\n");
      writeFileSync(path.join(dir, 'pipeline/stream.ts'), "import * as fs from 'node:fs';\nfs.createWriteStream('r.html');\n");
      writeFileSync(path.join(dir, 'store/local.ts'), 'appendFileSync(i, l);\nappendFileSync(i, l);\n');
      expect(unallowedWrites(dir, ALLOWED)).toEqual(['pipeline/outputs.ts: 1 write call(s) (allowed 0)', 'pipeline/stream.ts: 1 write call(s) (allowed 0)', 'store/local.ts: 2 write call(s) (allowed 1)']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

let dir: string;
let bigProfile: string;

/** A profile whose gzipped pprof is well over the 4 KiB limit the children get. */
function writeBigProfile(file: string): void {
  const b = new ProfileBuilder();
  const main = b.functionId('main', 'src/main.js', 1);
  for (let i = 0; i < 3000; i++) b.addSample([b.functionId(`fn_${(i * 2654435761) % 1e9}_${i}`, `src/f${i}.js`, i), main], [1 + (i % 7), (1 + (i % 7)) * 1e6]);
  b.period = 1e6;
  writeFileSync(file, encodePprofGzip(b.build()));
}

/** Runs `argv` under a 4 KiB file-size limit; stdout, stderr, status. */
function limited(argv: string[]): { status: number | null; stderr: string; stdout: string } {
  const r = spawnSync('bash', ['-c', 'ulimit -f 4 && exec "$@"', 'bash', ...argv], { encoding: 'utf8', cwd: dir, env: { ...process.env, NODE_OPTIONS: '', CI: '', GITHUB_ACTIONS: '' } });
  return { status: r.status, stderr: r.stderr, stdout: r.stdout };
}

function expectPreviousKept(file: string, previous: string): void {
  expect(readFileSync(file, 'utf8')).toBe(previous);
  expect(readdirSync(path.dirname(file)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'ciprof-atomic-outputs-'));
  bigProfile = path.join(dir, 'big.pb.gz');
  writeBigProfile(bigProfile);
  expect(readFileSync(bigProfile).length).toBeGreaterThan(16 * 1024);
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('a write that fails part-way keeps the previous output (real EFBIG, built CLI)', () => {
  for (const [name, args, out] of [
    ['merge -o', (o: string) => ['merge', bigProfile, bigProfile, '-o', o], 'merged.pb.gz'],
    ['export -o (speedscope)', (o: string) => ['export', bigProfile, '-f', 'speedscope', '-o', o], 'out.speedscope.json'],
    ['export -o (pprof)', (o: string) => ['export', bigProfile, '-f', 'pprof', '-o', o], 'out.pb.gz'],
    ['report -o', (o: string) => ['report', bigProfile, '-o', o], 'report.html'],
  ] as const) {
    it(`${name}: exit 1, one line naming the file, the previous file intact`, () => {
      const file = path.join(dir, out);
      writeFileSync(file, `previous ${name}`);
      const r = limited([process.execPath, CLI, ...args(file)]);
      expect(r.status, r.stderr).toBe(1);
      const lines = r.stderr.trim().split('\n');
      expect(lines, r.stderr).toHaveLength(1);
      expect(lines[0]).toMatch(/EFBIG/);
      expectPreviousKept(file, `previous ${name}`);
    });
  }

  it('the same commands without the limit do write (the limit is what failed them)', () => {
    const file = path.join(dir, 'merged-ok.pb.gz');
    const r = spawnSync(process.execPath, [CLI, 'merge', bigProfile, '-o', file], { encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    expect(readFileSync(file).length).toBeGreaterThan(4096);
  });
});

describe('the local store under a failing write', () => {
  it('put() fails, no profile file appears (never a 0-byte or torn entry), the earlier entry reads back whole', () => {
    const bundle = path.join(dir, 'local-store.mjs');
    buildSync({ entryPoints: [path.join(ROOT, 'src/store/local.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
    const root = path.join(dir, 'store');
    const commit = 'c'.repeat(40);
    const script = `
      import { LocalStore } from ${JSON.stringify(bundle)};
      const store = new LocalStore(${JSON.stringify(root)});
      const size = Number(process.argv[1]);
      try { await store.put({ jobKey: 'ci/test', commit: ${JSON.stringify(commit)} }, Buffer.alloc(size, 65)); console.log('stored'); }
      catch (err) { console.log(err.code); }`;
    const first = limited([process.execPath, '--input-type=module', '-e', script, '100']);
    expect(first.stdout.trim(), first.stderr).toBe('stored');
    const second = limited([process.execPath, '--input-type=module', '-e', script, String(64 * 1024)]);
    expect(second.stdout.trim(), second.stderr).toBe('EFBIG');
    const commitDir = path.join(root, 'ci_test', commit);
    const files = readdirSync(commitDir);
    expect(files).toHaveLength(1);
    expect(readFileSync(path.join(commitDir, files[0]!), 'utf8')).toBe('A'.repeat(100));
  });

  it('a torn index line (writer killed mid-line) does not swallow the next entry', async () => {
    const { LocalStore } = await import('../../src/store/local.js');
    const root = path.join(dir, 'store-torn');
    const store = new LocalStore(root);
    const [a, b] = ['a'.repeat(40), 'b'.repeat(40)];
    await store.put({ jobKey: 'k', commit: a }, Buffer.from('one'));
    const index = path.join(root, 'k', 'index.jsonl');
    writeFileSync(index, `${readFileSync(index, 'utf8')}{"id":"k/ffff`);
    await store.put({ jobKey: 'k', commit: b }, Buffer.from('two'));
    expect(store.commits('k')).toEqual([a, b]);
  });
});

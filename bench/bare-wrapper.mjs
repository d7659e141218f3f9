// The floor of ciprof's shape, measured rather than argued: the least that any wrapper
// which turns a test command's V8 profiles into one profile must do. A second Node
// process starts, runs the command with `--cpu-prof` in NODE_OPTIONS, waits for it, and
// reads back and parses every profile it wrote. Nothing is converted, labelled, merged or
// written. bench/overhead.mjs times it beside `node --cpu-prof` alone and `ciprof run`: its
// ratio to `--cpu-prof` is what the wrapper's shape costs before ciprof does any work.
//
//   node bench/bare-wrapper.mjs -- CMD...   (exit code: the command's)
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const command = process.argv.slice(process.argv.indexOf('--') + 1);
const dir = mkdtempSync(join(tmpdir(), 'bare-wrapper-'));
const child = spawn(command[0], command.slice(1), { stdio: 'inherit', env: { ...process.env, NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ''} --cpu-prof --cpu-prof-dir=${dir}` } });
child.on('exit', (code, signal) => {
  let samples = 0;
  for (const name of readdirSync(dir)) samples += JSON.parse(readFileSync(join(dir, name), 'utf8')).samples.length;
  rmSync(dir, { recursive: true, force: true });
  if (samples === 0) process.stderr.write('bare-wrapper: no samples read\n');
  process.exitCode = signal ? 1 : (code ?? 1);
});

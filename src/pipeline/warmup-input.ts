/**
 * The warm-up's input (pipeline/warmup.ts): a raw directory as the agent and a runner hook
 * write it for one profiled thread, with made-up but realistic content: a V8 .cpuprofile
 * in the exact text layout the agent writes (node objects with callFrame, hitCount,
 * children, positionTicks; then startTime, endTime, samples, timeDeltas; then the agent's
 * `$ciprof` block), its `.scripts.json`, the `.start` marker and the hook's
 * `.tests.jsonl` records. Same keys, same value types, same orders as real files, so the
 * code the warm-up optimizes sees the shapes it will see on the real profile and does not
 * deoptimize there. Deterministic (a seeded generator): no two runs differ.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { seededRandom } from '../util/seeded-random.js';

export interface WarmUpInputSize {
  /** Test files; every file's tests record one `test` interval each, plus one `file` interval. */
  files: number;
  testsPerFile: number;
  /** Call-tree nodes (V8's `nodes`), and samples over the whole profile. */
  nodes: number;
  samples: number;
}

export interface WarmUpInput {
  rawDir: string;
  /** Where the made-up test files live: the repository root to give gather. */
  repoRoot: string;
  /** The .cpuprofile's name in rawDir. */
  profileName: string;
}

interface Frame {
  functionName: string;
  scriptId: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}

interface TreeNode {
  frame: Frame;
  children: TreeNode[];
  id: number;
  hits: number;
  lines: Map<number, number>;
}

const SPECIAL = (name: string): Frame => ({ functionName: name, scriptId: '0', url: '', lineNumber: -1, columnNumber: -1 });

/**
 * Writes the input into `dir` (which must exist and be private to the caller): `dir/raw`
 * is the raw directory, `dir/repo` the repository root. `nowUs` is the monotonic clock in
 * microseconds (the samples' clock) and `pid` the made-up process's id (a real pid's size:
 * a small integer, as the labels' values will be on the real profile).
 */
export function writeWarmUpInput(dir: string, size: WarmUpInputSize, nowUs: number, pid: number): WarmUpInput {
  const rnd = seededRandom(0x5eed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const repoRoot = path.join(dir, 'repo');
  const rawDir = path.join(dir, 'raw');
  mkdirSync(rawDir, { recursive: true });
  // Scratch files in the caller's private directory, removed after: not outputs (no atomic write).
  const put = (name: string, text: string): void => writeFileSync(path.join(rawDir, name), text);

  // Scripts as a mocha suite has them: the test files, the runner's modules, Node's internals.
  const testFiles = Array.from({ length: size.files }, (_, i) => path.join(repoRoot, 'test', `file-${String(i).padStart(2, '0')}.test.js`));
  const scripts: string[] = [
    ...testFiles.map((f) => `file://${f}`),
    ...['runner.js', 'runnable.js', 'suite.js', 'hook.js', 'utils.js', 'reporters/base.js'].map((f) => `file://${path.join(repoRoot, 'node_modules', 'mocha', 'lib', f)}`),
    `file://${path.join(repoRoot, 'src', 'index.js')}`,
    'node:internal/modules/cjs/loader',
    'node:internal/timers',
    'node:internal/process/task_queues',
    'node:events',
    'node:path',
    'node:fs',
  ];
  const names = ['', 'runTest', 'next', 'hookDown', 'Runnable.run', 'callFn', 'emit', 'processImmediate', 'listOnTimeout', 'Module._load', 'require', 'compute', 'parse', 'format', 'resolve', 'readFileSync', 'work'];
  const frames: Frame[] = [];
  const functions = Math.max(8, Math.floor(size.nodes / 3));
  for (let i = 0; i < functions; i++) {
    const url = pick(scripts);
    const base = pick(names);
    frames.push({ functionName: base === '' || rnd() < 0.3 ? base : `${base}${i}`, scriptId: String(60 + scripts.indexOf(url)), url, lineNumber: Math.floor(rnd() * 900), columnNumber: Math.floor(rnd() * 60) });
  }

  // The call tree: paths from the root sharing prefixes, as real stacks do.
  const root: TreeNode = { frame: SPECIAL('(root)'), children: [], id: 0, hits: 0, lines: new Map() };
  const program: TreeNode = { frame: SPECIAL('(program)'), children: [], id: 0, hits: 0, lines: new Map() };
  const idle: TreeNode = { frame: SPECIAL('(idle)'), children: [], id: 0, hits: 0, lines: new Map() };
  const gc: TreeNode = { frame: SPECIAL('(garbage collector)'), children: [], id: 0, hits: 0, lines: new Map() };
  const leaves: TreeNode[] = [program, idle, gc];
  let count = 4;
  while (count < size.nodes) {
    let at = root;
    const depth = 4 + Math.floor(rnd() * 18);
    for (let d = 0; d < depth && count < size.nodes; d++) {
      const reuse = at.children.length > 0 && rnd() < 0.75;
      if (reuse) at = pick(at.children);
      else {
        const child: TreeNode = { frame: pick(frames), children: [], id: 0, hits: 0, lines: new Map() };
        at.children.push(child);
        at = child;
        count++;
      }
    }
    if (at !== root) leaves.push(at);
  }
  root.children.push(gc, program, idle);

  // Ids in preorder, as V8 numbers them.
  const order: TreeNode[] = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop()!;
    n.id = order.length + 1;
    order.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]!);
  }

  // The timeline: tests back to back, one sample per ~1 ms, ending just before now.
  const tests = size.files * size.testsPerFile;
  const spanUs = Math.max(size.samples * 1000, tests * 500);
  const startUs = Math.floor(nowUs - spanUs - 5000);
  const samples: number[] = [];
  const deltas: number[] = [];
  let t = startUs;
  for (let i = 0; i < size.samples; i++) {
    const d = i === 0 ? 40 + Math.floor(rnd() * 100) : 950 + Math.floor(rnd() * 150) + (rnd() < 0.05 ? Math.floor(rnd() * 2000) : 0);
    t += d;
    const leaf = rnd() < 0.08 ? pick([program, idle, gc]) : pick(leaves);
    leaf.hits++;
    if (leaf.frame.lineNumber >= 0) {
      const line = leaf.frame.lineNumber + 1 + Math.floor(rnd() * 6);
      leaf.lines.set(line, (leaf.lines.get(line) ?? 0) + 1);
    }
    samples.push(leaf.id);
    deltas.push(d);
  }
  const endUs = t + 200;

  const nodeText = order.map((n) => {
    const f = n.frame;
    let s = `{"id":${n.id},"callFrame":{"functionName":${JSON.stringify(f.functionName)},"scriptId":"${f.scriptId}","url":${JSON.stringify(f.url)},"lineNumber":${f.lineNumber},"columnNumber":${f.columnNumber}},"hitCount":${n.hits}`;
    if (n.children.length) s += `,"children":[${n.children.map((c) => c.id).join(',')}]`;
    if (n.lines.size) s += `,"positionTicks":[${[...n.lines].map(([line, ticks]) => `{"line":${line},"ticks":${ticks}}`).join(',')}]`;
    return `${s}}`;
  });
  const wallEndMs = Date.now();
  const info = {
    pid,
    ppid: pid - 1,
    threadId: 0,
    isMainThread: true,
    argv: [path.join(repoRoot, 'node_modules', 'mocha', 'bin', 'mocha.js'), '--reporter', 'dot'],
    execPath: process.execPath,
    nodeVersion: process.version,
    segment: 0,
    reason: 'exit',
    wallStartMs: wallEndMs - Math.round((endUs - startUs) / 1000),
    wallEndMs,
    hrtimeAtFlushNs: String(Math.round(endUs * 1000)),
    intervalUs: 1000,
    startUs,
    ancestors: [pid - 1, pid - 2],
  };
  const key = `${pid}-0`;
  const profileName = `${key}-0.cpuprofile`;
  put(`${key}.start`, JSON.stringify({ startUs, ancestors: info.ancestors }));
  put(profileName, `{"nodes":[${nodeText.join(',')}],"startTime":${startUs},"endTime":${endUs},"samples":[${samples.join(',')}],"timeDeltas":[${deltas.join(',')}],"$ciprof":${JSON.stringify(info)}}`);

  // The hook's records: a file interval per file, its tests back to back inside it.
  const lines: string[] = [];
  const perTestUs = (endUs - startUs - 2000) / tests;
  let at = startUs + 1000;
  for (const file of testFiles) {
    const fileStart = at;
    for (let k = 0; k < size.testsPerFile; k++) {
      const wallMs = Math.round(perTestUs * (0.6 + rnd() * 0.3)) / 1000;
      const s = Math.floor(at);
      const e = Math.floor(at + wallMs * 1000);
      lines.push(JSON.stringify({ pid, threadId: 0, kind: 'test', file, name: `file ${testFiles.indexOf(file)} > case ${k}`, startUs: s, endUs: e, wallMs, cpuMs: Math.round(wallMs * (800 + rnd() * 300)) / 1000, status: 'passed' }));
      at += perTestUs;
    }
    lines.push(JSON.stringify({ pid, threadId: 0, kind: 'file', file, name: '', startUs: Math.floor(fileStart), endUs: Math.floor(at), wallMs: Math.round(at - fileStart) / 1000, cpuMs: Math.round(at - fileStart) / 1000, status: 'passed' }));
  }
  put(`${key}.tests.jsonl`, `${lines.join('\n')}\n`);
  // Last, as the agent does: the thread's files are complete.
  put(`${key}-0.scripts.json`, JSON.stringify({ scripts: [], via: 'as-written', collectMs: 1.5, collectCpuMs: 1.2 }));
  return { rawDir, repoRoot, profileName };
}

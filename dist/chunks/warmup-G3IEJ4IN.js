import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  warmUpEnabled
} from "./chunk-6B3EOHIS.js";
import {
  seededRandom
} from "./chunk-LF4N5MIR.js";
import "./chunk-ZHB73YNC.js";

// src/pipeline/warmup.ts
import { appendFileSync, mkdtempSync, rm } from "node:fs";
import { cpus, tmpdir } from "node:os";
import * as path2 from "node:path";
import { setImmediate as nextTurn } from "node:timers/promises";

// src/pipeline/warmup-input.ts
import { mkdirSync, writeFileSync } from "node:fs";
import * as path from "node:path";
var SPECIAL = (name) => ({ functionName: name, scriptId: "0", url: "", lineNumber: -1, columnNumber: -1 });
function writeWarmUpInput(dir, size, nowUs, pid) {
  const rnd = seededRandom(24301);
  const pick = (xs) => xs[Math.floor(rnd() * xs.length)];
  const repoRoot = path.join(dir, "repo");
  const rawDir = path.join(dir, "raw");
  mkdirSync(rawDir, { recursive: true });
  const put = (name, text) => writeFileSync(path.join(rawDir, name), text);
  const testFiles = Array.from({ length: size.files }, (_, i) => path.join(repoRoot, "test", `file-${String(i).padStart(2, "0")}.test.js`));
  const scripts = [
    ...testFiles.map((f) => `file://${f}`),
    ...["runner.js", "runnable.js", "suite.js", "hook.js", "utils.js", "reporters/base.js"].map((f) => `file://${path.join(repoRoot, "node_modules", "mocha", "lib", f)}`),
    `file://${path.join(repoRoot, "src", "index.js")}`,
    "node:internal/modules/cjs/loader",
    "node:internal/timers",
    "node:internal/process/task_queues",
    "node:events",
    "node:path",
    "node:fs"
  ];
  const names = ["", "runTest", "next", "hookDown", "Runnable.run", "callFn", "emit", "processImmediate", "listOnTimeout", "Module._load", "require", "compute", "parse", "format", "resolve", "readFileSync", "work"];
  const frames = [];
  const functions = Math.max(8, Math.floor(size.nodes / 3));
  for (let i = 0; i < functions; i++) {
    const url = pick(scripts);
    const base = pick(names);
    frames.push({ functionName: base === "" || rnd() < 0.3 ? base : `${base}${i}`, scriptId: String(60 + scripts.indexOf(url)), url, lineNumber: Math.floor(rnd() * 900), columnNumber: Math.floor(rnd() * 60) });
  }
  const root = { frame: SPECIAL("(root)"), children: [], id: 0, hits: 0, lines: /* @__PURE__ */ new Map() };
  const program = { frame: SPECIAL("(program)"), children: [], id: 0, hits: 0, lines: /* @__PURE__ */ new Map() };
  const idle = { frame: SPECIAL("(idle)"), children: [], id: 0, hits: 0, lines: /* @__PURE__ */ new Map() };
  const gc = { frame: SPECIAL("(garbage collector)"), children: [], id: 0, hits: 0, lines: /* @__PURE__ */ new Map() };
  const leaves = [program, idle, gc];
  let count = 4;
  while (count < size.nodes) {
    let at2 = root;
    const depth = 4 + Math.floor(rnd() * 18);
    for (let d = 0; d < depth && count < size.nodes; d++) {
      const reuse = at2.children.length > 0 && rnd() < 0.75;
      if (reuse) at2 = pick(at2.children);
      else {
        const child = { frame: pick(frames), children: [], id: 0, hits: 0, lines: /* @__PURE__ */ new Map() };
        at2.children.push(child);
        at2 = child;
        count++;
      }
    }
    if (at2 !== root) leaves.push(at2);
  }
  root.children.push(gc, program, idle);
  const order = [];
  const stack = [root];
  while (stack.length) {
    const n = stack.pop();
    n.id = order.length + 1;
    order.push(n);
    for (let i = n.children.length - 1; i >= 0; i--) stack.push(n.children[i]);
  }
  const tests = size.files * size.testsPerFile;
  const spanUs = Math.max(size.samples * 1e3, tests * 500);
  const startUs = Math.floor(nowUs - spanUs - 5e3);
  const samples = [];
  const deltas = [];
  let t = startUs;
  for (let i = 0; i < size.samples; i++) {
    const d = i === 0 ? 40 + Math.floor(rnd() * 100) : 950 + Math.floor(rnd() * 150) + (rnd() < 0.05 ? Math.floor(rnd() * 2e3) : 0);
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
    if (n.children.length) s += `,"children":[${n.children.map((c) => c.id).join(",")}]`;
    if (n.lines.size) s += `,"positionTicks":[${[...n.lines].map(([line, ticks]) => `{"line":${line},"ticks":${ticks}}`).join(",")}]`;
    return `${s}}`;
  });
  const wallEndMs = Date.now();
  const info = {
    pid,
    ppid: pid - 1,
    threadId: 0,
    isMainThread: true,
    argv: [path.join(repoRoot, "node_modules", "mocha", "bin", "mocha.js"), "--reporter", "dot"],
    execPath: process.execPath,
    nodeVersion: process.version,
    segment: 0,
    reason: "exit",
    wallStartMs: wallEndMs - Math.round((endUs - startUs) / 1e3),
    wallEndMs,
    hrtimeAtFlushNs: String(Math.round(endUs * 1e3)),
    intervalUs: 1e3,
    startUs,
    ancestors: [pid - 1, pid - 2]
  };
  const key = `${pid}-0`;
  const profileName = `${key}-0.cpuprofile`;
  put(`${key}.start`, JSON.stringify({ startUs, ancestors: info.ancestors }));
  put(profileName, `{"nodes":[${nodeText.join(",")}],"startTime":${startUs},"endTime":${endUs},"samples":[${samples.join(",")}],"timeDeltas":[${deltas.join(",")}],"$ciprof":${JSON.stringify(info)}}`);
  const lines = [];
  const perTestUs = (endUs - startUs - 2e3) / tests;
  let at = startUs + 1e3;
  for (const file of testFiles) {
    const fileStart = at;
    for (let k = 0; k < size.testsPerFile; k++) {
      const wallMs = Math.round(perTestUs * (0.6 + rnd() * 0.3)) / 1e3;
      const s = Math.floor(at);
      const e = Math.floor(at + wallMs * 1e3);
      lines.push(JSON.stringify({ pid, threadId: 0, kind: "test", file, name: `file ${testFiles.indexOf(file)} > case ${k}`, startUs: s, endUs: e, wallMs, cpuMs: Math.round(wallMs * (800 + rnd() * 300)) / 1e3, status: "passed" }));
      at += perTestUs;
    }
    lines.push(JSON.stringify({ pid, threadId: 0, kind: "file", file, name: "", startUs: Math.floor(fileStart), endUs: Math.floor(at), wallMs: Math.round(at - fileStart) / 1e3, cpuMs: Math.round(at - fileStart) / 1e3, status: "passed" }));
  }
  put(`${key}.tests.jsonl`, `${lines.join("\n")}
`);
  put(`${key}-0.scripts.json`, JSON.stringify({ scripts: [], via: "as-written", collectMs: 1.5, collectCpuMs: 1.2 }));
  return { rawDir, repoRoot, profileName };
}

// src/pipeline/warmup.ts
var DELAY_MS = 400;
var SIZE = { files: 6, testsPerFile: 40, nodes: 1200, samples: 900 };
var ROUNDS = 2;
function warmUpTestHooks(env) {
  const trace = env.CIPROF_WARMUP_TRACE;
  return {
    onEvent: trace ? (e, detail) => appendFileSync(trace, `${e}${detail ? ` ${detail}` : ""}
`) : void 0,
    faultAt: env.CIPROF_WARMUP_FAULT || void 0
  };
}
var MIN_IDLE_CORES = 0.5;
function idleCoresMeter() {
  const read = () => {
    let idleMs = 0;
    for (const c of cpus()) idleMs += c.times.idle;
    const own = process.cpuUsage();
    return { idleMs, ownMs: (own.user + own.system) / 1e3, at: performance.now() };
  };
  let last = read();
  return () => {
    const now = read();
    const wall = now.at - last.at;
    const idle = wall > 0 ? (now.idleMs - last.idleMs + now.ownMs - last.ownMs) / wall : 0;
    last = now;
    return idle;
  };
}
function scheduleWarmUp(opts = {}) {
  let stopped = false;
  let finish;
  const finished = new Promise((r) => finish = r);
  const event = (e, detail) => {
    try {
      opts.onEvent?.(e, detail);
    } catch {
    }
  };
  if (!warmUpEnabled(opts.env)) {
    finish();
    return { stop: () => void 0, finished };
  }
  let running;
  const forced = opts.env?.CIPROF_WARMUP === "1";
  let idleCores;
  try {
    idleCores = forced ? () => Infinity : opts.idleCores ?? idleCoresMeter();
  } catch {
    idleCores = void 0;
  }
  const spare = () => {
    try {
      return idleCores !== void 0 && idleCores() >= MIN_IDLE_CORES;
    } catch {
      return false;
    }
  };
  const timer = setTimeout(() => {
    running = run(() => stopped, spare, opts, event).then(finish, finish);
  }, opts.delayMs ?? DELAY_MS);
  timer.unref();
  return {
    stop: () => {
      if (stopped) return;
      stopped = true;
      clearTimeout(timer);
      if (!running) finish();
    },
    finished
  };
}
async function run(isStopped, spare, opts, event) {
  if (isStopped()) return;
  if (!spare()) {
    event("busy");
    return;
  }
  const scratch = {};
  event("start");
  try {
    if (await passes(isStopped, spare, opts, event, scratch)) event("done");
  } catch (err) {
    event("error", err.message);
  }
  if (isStopped()) event("stopped");
  const dir = scratch.dir;
  if (dir) await new Promise((r) => rm(dir, { recursive: true, force: true }, () => r()));
}
async function passes(isStopped, spare, opts, event, scratch) {
  const step = async (name, work) => {
    await nextTurn();
    if (isStopped()) return false;
    event(`stage:${name}`);
    if (opts.faultAt === name) throw new Error(`warm-up fault injected at ${name}`);
    work();
    return true;
  };
  const [{ RawGatherer }, labeler, { testStats, testWallsMeta }, { blockedClass }, { summarize }, { encodePprofGzip }] = await Promise.all([
    import("./gather-4SU4H5J6.js"),
    import("./test-labeler-M2UVH6B3.js"),
    import("./tests-6SSTUNP5.js"),
    import("./blocked-PEMRQKJR.js"),
    import("./summary-Q36F2BLU.js"),
    import("./gzip-VP5OFOQK.js")
  ]);
  const report = opts.report === false ? void 0 : await import("./report-6YAJTLC6.js");
  let input;
  const made = await step("input", () => {
    scratch.dir = mkdtempSync(path2.join(tmpdir(), "ciprof-warmup-"));
    input = writeWarmUpInput(scratch.dir, opts.size ?? SIZE, Number(process.hrtime.bigint()) / 1e3, process.pid);
  });
  if (!made) return false;
  const rounds = opts.rounds ?? ROUNDS;
  for (let round = 0; round < rounds; round++) {
    if (round > 0 && !spare()) {
      event("busy");
      return false;
    }
    let walls;
    let labelerFor;
    let gatherer;
    let gathered;
    let summary;
    const records = () => {
      const r = labeler.readTestRecords(input.rawDir, input.repoRoot);
      labelerFor = labeler.makeLabelerFor(r);
      walls = labeler.testWalls(r);
    };
    const scan = () => {
      gatherer = new RawGatherer(input.rawDir, { repoRoot: input.repoRoot, labelerFor: (info) => labelerFor(info) });
      gatherer.prefetch(input.profileName);
    };
    if (!await step("records", records) || !await step("scan", scan) || !await step("gather", () => void (gathered = gatherer.gather()))) return false;
    const profile = gathered.profile;
    const summed = () => {
      Object.assign(profile.meta, testWallsMeta(walls));
      profile.period = 1e6;
      summary = summarize(profile, gathered, { ciprofVersion: "0", command: ["mocha"], exitCode: 0, wallMs: 1, intervalUs: 1e3, warnings: gathered.warnings });
    };
    if (!await step("summarize", summed) || !await step("tests", () => void (summary.tests = testStats(profile, { walls, blockedOf: blockedClass })))) return false;
    if (!await step("encode", () => void encodePprofGzip(profile))) return false;
    if (!await step("json", () => void JSON.stringify({ ...summary, threadsDetail: gathered.threads, lost: gathered.lost }, null, 2))) return false;
    if (report && !await step("report", () => void report.renderReport(profile, void 0, { headWalls: walls }))) return false;
  }
  return true;
}
export {
  DELAY_MS,
  MIN_IDLE_CORES,
  ROUNDS,
  SIZE,
  idleCoresMeter,
  scheduleWarmUp,
  warmUpEnabled,
  warmUpTestHooks
};

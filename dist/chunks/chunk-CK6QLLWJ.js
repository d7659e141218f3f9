import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  TEST_FILE_LABEL,
  TEST_NAME_LABEL,
  testKey,
  wellFormed
} from "./chunk-ZT4APMRY.js";
import {
  normalizeScriptPath
} from "./chunk-BCCUQZ3E.js";

// src/collect/test-labeler.ts
import { readdirSync, readFileSync } from "node:fs";
import * as path from "node:path";

// src/collect/test-record-read.ts
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
var TEST_RECORD_LIMITS = Object.freeze({
  maxFileBytes: 64 * 1024 * 1024,
  maxRecords: 1e6,
  maxFileChars: 4096,
  maxNameChars: 16 * 1024
});
var STATUSES = /* @__PURE__ */ new Set(["running", "passed", "failed", "skipped", "unknown"]);
var isCount = (v) => typeof v === "number" && Number.isSafeInteger(v) && v >= 0;
var isTime = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0;
function parseTestRecordLine(line, limits = TEST_RECORD_LIMITS) {
  let value;
  try {
    value = JSON.parse(line);
  } catch {
    return "not JSON";
  }
  if (!value || typeof value !== "object" || Array.isArray(value)) return "not an object";
  const r = value;
  if (!isCount(r.pid) || !isCount(r.threadId)) return "pid/threadId are not non-negative integers";
  if (r.kind !== "test" && r.kind !== "file") return 'kind is neither "test" nor "file"';
  if (typeof r.file !== "string" || r.file.length > limits.maxFileChars) return `file is not a string of at most ${limits.maxFileChars} characters`;
  if (typeof r.name !== "string" || r.name.length > limits.maxNameChars) return `name is not a string of at most ${limits.maxNameChars} characters`;
  if (!isTime(r.startUs)) return "startUs is not a non-negative number";
  if (r.endUs !== null && (!isTime(r.endUs) || r.endUs < r.startUs)) return "endUs is neither null nor a time after startUs";
  if (r.wallMs !== null && !isTime(r.wallMs)) return "wallMs is neither null nor a non-negative number";
  if (r.cpuMs !== void 0 && r.cpuMs !== null && !isTime(r.cpuMs)) return "cpuMs is neither null nor a non-negative number";
  if (typeof r.status !== "string" || !STATUSES.has(r.status)) return "status is not a known test status";
  return { pid: r.pid, threadId: r.threadId, kind: r.kind, file: wellFormed(r.file), name: wellFormed(r.name), startUs: r.startUs, endUs: r.endUs, wallMs: r.wallMs, cpuMs: r.cpuMs ?? null, status: r.status };
}
function parseTestRecords(text, limits = TEST_RECORD_LIMITS) {
  const out = { records: [], badLines: 0 };
  let start = 0;
  while (start < text.length) {
    let end = text.indexOf("\n", start);
    if (end < 0) end = text.length;
    const line = text.slice(start, end);
    start = end + 1;
    if (!line) continue;
    if (out.records.length + out.badLines >= limits.maxRecords) throw new Error(`more than ${limits.maxRecords} records`);
    const r = parseTestRecordLine(line, limits);
    if (typeof r === "string") {
      out.badLines++;
      out.firstProblem ??= r;
    } else out.records.push(r);
  }
  return out;
}
function readTestRecordFile(file, limits = TEST_RECORD_LIMITS) {
  let fd;
  try {
    fd = openSync(file, "r");
    const size = fstatSync(fd).size;
    if (size > limits.maxFileBytes) throw new Error(`file of ${size} bytes (limit ${limits.maxFileBytes})`);
    const buf = Buffer.allocUnsafe(size);
    let got = 0;
    while (got < size) {
      const n = readSync(fd, buf, got, size - got, got);
      if (n === 0) break;
      got += n;
    }
    return parseTestRecords(buf.toString("utf8", 0, got), limits);
  } catch (err) {
    throw new Error(`${file}: ${err.message.split("\n", 1)[0]}`);
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}

// src/collect/test-record.ts
var TESTS_SUFFIX = ".tests.jsonl";
var hrtimeBigint = process.hrtime.bigint;
var threadCpuUsage = process.threadCpuUsage?.bind(process);

// src/collect/test-labeler.ts
var SETUP_FILE = "(setup)";
var SETUP_LABELS = Object.freeze({ [TEST_FILE_LABEL]: SETUP_FILE });
function readTestRecords(rawDir, repoRoot, readFile = readTestRecordFile) {
  const byThread = /* @__PURE__ */ new Map();
  const warnings = [];
  let names = [];
  try {
    names = readdirSync(rawDir).filter((n) => n.endsWith(TESTS_SUFFIX));
  } catch (err) {
    warnings.push(`per-test records unreadable: ${err.message}`);
  }
  const relative = /* @__PURE__ */ new Map();
  const fileOf = (file) => {
    let rel = relative.get(file);
    if (rel === void 0) relative.set(file, rel = normalizeScriptPath(file, repoRoot));
    return rel;
  };
  for (const name of names) {
    const key = name.slice(0, -TESTS_SUFFIX.length);
    const open = /* @__PURE__ */ new Map();
    const list = [];
    let file;
    try {
      file = readFile(path.join(rawDir, name));
    } catch (err) {
      warnings.push(`per-test records skipped: ${err.message}`);
      continue;
    }
    const bad = file.badLines;
    for (const r of file.records) {
      const id = `${r.kind}\0${r.file}\0${r.name}\0${r.startUs}`;
      const interval = open.get(id);
      if (interval && r.endUs !== null) {
        interval.endUs = r.endUs;
        interval.wallMs = r.wallMs;
        interval.cpuMs = r.cpuMs;
        interval.status = r.status;
        open.delete(id);
        continue;
      }
      const fresh = {
        kind: r.kind === "file" ? "file" : "test",
        file: fileOf(r.file),
        name: r.name,
        startUs: r.startUs,
        endUs: r.endUs ?? Infinity,
        wallMs: r.wallMs,
        cpuMs: r.cpuMs,
        thread: key,
        status: r.status
      };
      list.push(fresh);
      if (r.endUs === null) open.set(id, fresh);
    }
    if (bad) warnings.push(`${name}: ${bad} unreadable per-test record line(s) skipped (${file.firstProblem ?? "bad line"})`);
    list.sort((a, b) => a.startUs - b.startUs);
    byThread.set(key, list);
  }
  return { byThread, ancestors: ancestorsReader(rawDir), warnings };
}
function ancestorsReader(rawDir) {
  const read = /* @__PURE__ */ new Map();
  return (pid2) => {
    if (read.has(pid2)) return read.get(pid2);
    let ancestors;
    try {
      const marker = JSON.parse(readFileSync(path.join(rawDir, `${pid2}-0.start`), "utf8"));
      if (Array.isArray(marker.ancestors)) ancestors = marker.ancestors;
    } catch {
    }
    read.set(pid2, ancestors);
    return ancestors;
  };
}
function containing(list, t) {
  let lo = 0;
  let hi = list.length - 1;
  let last = -1;
  while (lo <= hi) {
    const mid = lo + hi >> 1;
    if (list[mid].startUs <= t) {
      last = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  for (let i = last, steps = 0; i >= 0 && steps < 64; i--, steps++) {
    if (list[i].endUs > t) return list[i];
  }
  return void 0;
}
function closeOpen(list) {
  for (let i = 0; i < list.length; i++) {
    const cur = list[i];
    if (cur.endUs !== Infinity) continue;
    for (let j = i + 1; j < list.length; j++) {
      const next = list[j];
      if (next.kind === cur.kind && (cur.kind === "file" || !next.name.startsWith(cur.name + " > "))) {
        cur.endUs = next.startUs;
        break;
      }
    }
  }
}
function makeLabelerFor(records) {
  const byThread = /* @__PURE__ */ new Map();
  const byPid = /* @__PURE__ */ new Map();
  for (const [key, list] of records.byThread) {
    closeOpen(list);
    const intervals = { tests: list.filter((i) => i.kind === "test"), files: list.filter((i) => i.kind === "file") };
    byThread.set(key, intervals);
    const pid2 = Number(key.split("-")[0]);
    byPid.set(pid2, [...byPid.get(pid2) ?? [], intervals]);
  }
  const cache = /* @__PURE__ */ new Map();
  const labelsOf = (i) => {
    let l = cache.get(i);
    if (!l) {
      l = i.kind === "test" ? { [TEST_FILE_LABEL]: i.file, [TEST_NAME_LABEL]: i.name } : { [TEST_FILE_LABEL]: i.file };
      cache.set(i, l);
    }
    return l;
  };
  const runningIn = (pid2, t) => {
    let test;
    let file;
    for (const thread of byPid.get(pid2) ?? []) {
      const tt = containing(thread.tests, t);
      if (tt && (!test || tt.startUs > test.startUs)) test = tt;
      const ff = containing(thread.files, t);
      if (ff && (!file || ff.startUs > file.startUs)) file = ff;
    }
    return test ? labelsOf(test) : file ? labelsOf(file) : void 0;
  };
  return (info) => {
    const spawnedBy = spawningTest(info, records, runningIn);
    if (spawnedBy) return () => spawnedBy;
    const mine = byThread.get(`${info.pid}-${info.threadId}`);
    if (mine) {
      return (t) => {
        const test = containing(mine.tests, t);
        if (test) return labelsOf(test);
        const file = containing(mine.files, t);
        return file ? labelsOf(file) : SETUP_LABELS;
      };
    }
    const createdBy = info.startUs !== void 0 && !info.isMainThread ? runningIn(info.pid, info.startUs) : void 0;
    return () => createdBy ?? SETUP_LABELS;
  };
}
function spawningTest(info, records, runningIn) {
  if (info.startUs === void 0) return void 0;
  const ancestors = info.ancestors?.length ? info.ancestors : records.ancestors(info.pid) ?? [info.ppid];
  for (const pid2 of ancestors) {
    if (pid2 === info.pid) continue;
    const labels = runningIn(pid2, info.startUs);
    if (labels) return labels;
  }
  return void 0;
}
var MAX_TEST_THREADS = 8;
function testWalls(records) {
  const out = /* @__PURE__ */ new Map();
  for (const list of records.byThread.values()) {
    for (const i of list) {
      if (i.kind !== "test") continue;
      const key = testKey(i.file, i.name);
      const prev = out.get(key);
      const status = i.status === "running" ? "unknown" : i.status;
      if (prev) {
        prev.wallMs = prev.wallMs === null || i.wallMs === null ? null : prev.wallMs + i.wallMs;
        prev.cpuMs = prev.cpuMs === null || prev.cpuMs === void 0 || i.cpuMs === null ? null : prev.cpuMs + i.cpuMs;
        if (prev.threads && !prev.threads.includes(i.thread) && prev.threads.length < MAX_TEST_THREADS) prev.threads.push(i.thread);
        prev.status = status;
      } else out.set(key, { file: i.file, name: i.name, wallMs: i.wallMs, cpuMs: i.cpuMs, threads: [i.thread], status });
    }
  }
  return out;
}

export {
  readTestRecordFile,
  TESTS_SUFFIX,
  SETUP_FILE,
  readTestRecords,
  makeLabelerFor,
  testWalls
};

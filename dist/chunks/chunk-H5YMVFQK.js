import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  IDLE_FRAME,
  timeValueIndex
} from "./chunk-VYVC6F5W.js";

// src/profile/aggregate.ts
function functionTable(profile, valueIndex = timeValueIndex(profile)) {
  const countIndex = profile.sampleTypes.findIndex((t) => t.unit === "count");
  const n = profile.functions.length;
  const self = new Float64Array(n);
  const total = new Float64Array(n);
  const selfSamples = new Float64Array(n);
  const totalSamples = new Float64Array(n);
  const seen = new Int32Array(n).fill(-1);
  let sum = 0;
  let sumSamples = 0;
  profile.samples.forEach((s, si) => {
    const v = s.values[valueIndex] ?? 0;
    const c = countIndex >= 0 ? s.values[countIndex] ?? 0 : 0;
    sum += v;
    sumSamples += c;
    const leaf = s.stack[0];
    if (leaf !== void 0) {
      self[leaf] += v;
      selfSamples[leaf] += c;
    }
    for (const id of s.stack) {
      if (seen[id] === si) continue;
      seen[id] = si;
      total[id] += v;
      totalSamples[id] += c;
    }
  });
  const stats = [];
  for (let id = 0; id < n; id++) {
    if (total[id] === 0 && totalSamples[id] === 0) continue;
    stats.push({ id, frame: profile.functions[id], self: self[id], total: total[id], selfSamples: selfSamples[id], totalSamples: totalSamples[id] });
  }
  return { stats, total: sum, totalSamples: sumSamples, valueIndex };
}
function idleValue(table) {
  return table.stats.filter((s) => s.frame.name === IDLE_FRAME && s.frame.file === "").reduce((a, s) => a + s.self, 0);
}
function topBySelf(table, limit, includeIdle = false) {
  return table.stats.filter((s) => includeIdle || !(s.frame.name === IDLE_FRAME && s.frame.file === "")).sort((a, b) => b.self - a.self || b.total - a.total).slice(0, limit);
}
function formatFrame(f) {
  return f.file ? `${f.name} ${f.line > 0 ? `${f.file}:${f.line}` : f.file}` : f.name;
}

export {
  functionTable,
  idleValue,
  topBySelf,
  formatFrame
};

import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/profile/packed.ts
function packProfile(p) {
  const n = p.samples.length;
  const stackLength = new Int32Array(n);
  const valueLength = new Int32Array(n);
  const labelSet = new Int32Array(n);
  let stackTotal = 0;
  let valueTotal = 0;
  for (let i = 0; i < n; i++) {
    const s = p.samples[i];
    stackTotal += s.stack.length;
    valueTotal += s.values.length;
  }
  const stacks = new Int32Array(stackTotal);
  const values = new Float64Array(valueTotal);
  const labelSets = [];
  const setIndex = /* @__PURE__ */ new Map();
  let si = 0;
  let vi = 0;
  for (let i = 0; i < n; i++) {
    const s = p.samples[i];
    stackLength[i] = s.stack.length;
    for (let k = 0; k < s.stack.length; k++) stacks[si++] = s.stack[k];
    valueLength[i] = s.values.length;
    for (let k = 0; k < s.values.length; k++) values[vi++] = s.values[k];
    let set = setIndex.get(s.labels);
    if (set === void 0) {
      set = labelSets.length;
      labelSets.push(s.labels);
      setIndex.set(s.labels, set);
    }
    labelSet[i] = set;
  }
  const fns = p.functions;
  const lines = new Float64Array(fns.length);
  for (let i = 0; i < fns.length; i++) lines[i] = fns[i].line;
  return {
    head: { sampleTypes: p.sampleTypes, periodType: p.periodType, period: p.period, timeNanos: p.timeNanos, durationNanos: p.durationNanos, meta: p.meta },
    names: fns.map((f) => f.name),
    files: fns.map((f) => f.file),
    lines,
    stackLength,
    valueLength,
    labelSet,
    stacks,
    values,
    labelSets
  };
}
function packedBuffers(p) {
  return [p.lines, p.stackLength, p.valueLength, p.labelSet, p.stacks, p.values].map((a) => a.buffer);
}
function unpackProfile(p) {
  const functions = p.names.map((name, i) => ({ name, file: p.files[i], line: p.lines[i] }));
  const samples = new Array(p.stackLength.length);
  let si = 0;
  let vi = 0;
  for (let i = 0; i < samples.length; i++) {
    const stack = [];
    for (let end = si + p.stackLength[i]; si < end; si++) stack.push(p.stacks[si]);
    const values = [];
    for (let end = vi + p.valueLength[i]; vi < end; vi++) values.push(p.values[vi]);
    samples[i] = { stack, values, labels: p.labelSets[p.labelSet[i]] };
  }
  return { ...p.head, functions, samples };
}

export {
  packProfile,
  packedBuffers,
  unpackProfile
};

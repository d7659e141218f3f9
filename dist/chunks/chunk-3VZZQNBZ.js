import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  functionKey,
  timeValueIndex
} from "./chunk-VYVC6F5W.js";

// src/profile/code-load.ts
var CODE_LOAD_CLASSES = ["transform", "module-load"];
var TRANSFORMER_FILES = [
  // jest: ScriptTransformer and its cache (every transformer jest runs is called from it).
  /(?:^|\/)node_modules\/@jest\/transform\//,
  /(?:^|\/)node_modules\/(?:ts-jest|babel-jest|@swc\/jest|esbuild-jest)\//,
  // require hooks: mocha --require ts-node/register, @babel/register, tsx, swc, esbuild.
  /(?:^|\/)node_modules\/(?:ts-node|@babel\/register|tsx|esbuild-register|@swc\/register|@swc-node\/register|pirates)\//,
  // Node's own type stripping (--experimental-strip-types, on by default in 23.6+).
  /^node:internal\/modules\/typescript$/
];
var VITE_FILE = /(?:^|\/)node_modules\/(?:vite|vite-node|vitest)\//;
var VITE_TRANSFORMS = /* @__PURE__ */ new Set(["transformRequest", "_transformRequest", "doTransform", "loadAndTransform", "transformWithEsbuild", "ssrTransform", "ssrTransformScript"]);
var LOADER_FILES = [/^node:internal\/modules\//, /(?:^|\/)node_modules\/jest-runtime\//, /(?:^|\/)node_modules\/vite\/dist\/node\/module-runner\.js$/, /(?:^|\/)node_modules\/vite-node\/dist\/client\./];
var isLoaderFrame = (f) => LOADER_FILES.some((re) => re.test(f.file));
function isTransformerFrame(f) {
  if (TRANSFORMER_FILES.some((re) => re.test(f.file))) return true;
  return VITE_TRANSFORMS.has(f.name) && VITE_FILE.test(f.file);
}
function isProjectFrame(f) {
  return f.file !== "" && !f.file.startsWith("node:") && !/(?:^|\/)node_modules\//.test(f.file);
}
function sampleClass(stack, project, transformer, loader) {
  for (const id of stack) {
    if (project[id]) return void 0;
    if (transformer[id]) return "transform";
    if (loader[id]) return "module-load";
  }
  return void 0;
}
function codeLoadSelf(profile) {
  const fs = profile.functions;
  const project = fs.map(isProjectFrame);
  const transformer = fs.map(isTransformerFrame);
  const loader = fs.map(isLoaderFrame);
  const keys = fs.map(functionKey);
  const countIndex = profile.sampleTypes.findIndex((t) => t.unit === "count");
  const vi = countIndex >= 0 ? countIndex : timeValueIndex(profile);
  const out = /* @__PURE__ */ new Map();
  for (const s of profile.samples) {
    const leaf = s.stack[0];
    if (leaf === void 0) continue;
    const n = s.values[vi] ?? 0;
    const key = keys[leaf];
    let row = out.get(key);
    if (!row) out.set(key, row = { byClass: /* @__PURE__ */ new Map(), all: 0 });
    row.all += n;
    const cls = sampleClass(s.stack, project, transformer, loader);
    if (cls) row.byClass.set(cls, (row.byClass.get(cls) ?? 0) + n);
  }
  return out;
}
var CODE_LOAD_SHARE = 0.8;
function codeLoadClassOf(...sides) {
  const all = sides.reduce((a, s) => a + (s?.all ?? 0), 0);
  const by = CODE_LOAD_CLASSES.map((cls) => ({ cls, n: sides.reduce((a, s) => a + (s?.byClass.get(cls) ?? 0), 0) }));
  const loading = by.reduce((a, x) => a + x.n, 0);
  if (all <= 0 || loading < CODE_LOAD_SHARE * all) return void 0;
  return by.reduce((a, x) => x.n > a.n ? x : a).cls;
}

export {
  codeLoadSelf,
  codeLoadClassOf
};

import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  makeDirs
} from "./chunk-MIHNHIUD.js";
import {
  blockedClass
} from "./chunk-UVVV3U5G.js";
import {
  readTestWalls,
  testKey
} from "./chunk-SDL6QSBX.js";
import {
  ALLOC_SPACE,
  functionKey,
  timeValueIndex
} from "./chunk-VYVC6F5W.js";
import {
  writeFileAtomic
} from "./chunk-7ALAG7TC.js";
import "./chunk-ZHB73YNC.js";

// src/render/report.ts
import * as path from "node:path";
import { gzipSync } from "node:zlib";

// src/report-ui/wire.ts
var WIRE_VERSION = 2;
var STATUS_NONE = 0;
var STATUS_NOISE = 1;
var STATUS_REGRESSION = 2;
var STATUS_IMPROVEMENT = 3;
var zigzag = (n) => n >= 0 ? n * 2 : -n * 2 - 1;
var VarintWriter = class {
  buf = new Uint8Array(1 << 16);
  length = 0;
  write(value) {
    if (this.length + 10 > this.buf.length) {
      const next = new Uint8Array(this.buf.length * 2);
      next.set(this.buf.subarray(0, this.length));
      this.buf = next;
    }
    let v = value;
    while (v >= 128) {
      this.buf[this.length++] = v % 128 | 128;
      v = Math.floor(v / 128);
    }
    this.buf[this.length++] = v;
  }
  bytes() {
    return this.buf.subarray(0, this.length);
  }
};

// src/render/report-data.ts
var TEST_FILE = "test_file";
var TEST_NAME = "test_name";
var round1 = (x) => Math.round(x * 10) / 10;
var statusCode = (d) => {
  switch (d?.status) {
    case "regression":
      return STATUS_REGRESSION;
    case "improvement":
      return STATUS_IMPROVEMENT;
    case "noise":
      return STATUS_NOISE;
    default:
      return STATUS_NONE;
  }
};
var allocStatusCode = (s) => s === "regression" ? STATUS_REGRESSION : s === "improvement" ? STATUS_IMPROVEMENT : s === "noise" ? STATUS_NOISE : STATUS_NONE;
var allocIndex = (p) => p.sampleTypes.findIndex((t) => t.type === ALLOC_SPACE.type && t.unit === ALLOC_SPACE.unit);
function allocAvailability(head, base) {
  const how = "run the tests with ciprof run --alloc";
  if (allocIndex(head) < 0) return `No allocation samples in this profile: ${how}.`;
  if (base && allocIndex(base) < 0) return `The base profile has no allocation samples: ${how} on both sides.`;
  return void 0;
}
function buildReportData(head, base, diffs = {}, title = "ciprof report", headWalls) {
  const diff = diffs.cpu;
  const allocUnavailable = allocAvailability(head, base);
  const withAlloc = allocUnavailable === void 0;
  const strings = [];
  const stringIds = /* @__PURE__ */ new Map();
  const str = (s) => {
    let id = stringIds.get(s);
    if (id === void 0) {
      id = strings.length;
      strings.push(s);
      stringIds.set(s, id);
    }
    return id;
  };
  const fnIds = /* @__PURE__ */ new Map();
  const fnName = [];
  const fnFile = [];
  const fnLine = [];
  const fnStatus = [];
  const statusByKey = /* @__PURE__ */ new Map();
  for (const d of diff?.functions ?? []) statusByKey.set(d.key, d);
  const mapFunctions = (p) => {
    const map = new Int32Array(p.functions.length);
    p.functions.forEach((f, i) => {
      const key = functionKey(f);
      let id = fnIds.get(key);
      if (id === void 0) {
        id = fnName.length;
        fnIds.set(key, id);
        fnName.push(str(f.name));
        fnFile.push(str(f.file));
        fnLine.push(f.line);
        fnStatus.push(statusCode(statusByKey.get(key)));
      }
      map[i] = id;
    });
    return map;
  };
  const nodeParent = [-1];
  const nodeFunc = [-1];
  const childIds = /* @__PURE__ */ new Map();
  const child = (parent, fn) => {
    let kids = childIds.get(parent);
    if (!kids) childIds.set(parent, kids = /* @__PURE__ */ new Map());
    let id = kids.get(fn);
    if (id === void 0) {
      id = nodeParent.length;
      nodeParent.push(parent);
      nodeFunc.push(fn);
      kids.set(fn, id);
    }
    return id;
  };
  const testIds = /* @__PURE__ */ new Map();
  const tests = [];
  const testId = (file, name) => {
    const key = testKey(file, name);
    let id = testIds.get(key);
    if (id === void 0) {
      id = tests.length;
      tests.push([str(file), str(name)]);
      testIds.set(key, id);
    }
    return id;
  };
  const testOfLabels = /* @__PURE__ */ new Map();
  const testOf = (labels) => {
    let id = testOfLabels.get(labels);
    if (id === void 0) {
      const file = labels[TEST_FILE];
      const name = labels[TEST_NAME];
      id = file === void 0 && name === void 0 ? -1 : testId(String(file ?? ""), String(name ?? ""));
      testOfLabels.set(labels, id);
    }
    return id;
  };
  const addSide = (p) => {
    const fnMap = mapFunctions(p);
    const vi = timeValueIndex(p);
    const ai = withAlloc ? allocIndex(p) : -1;
    const out = { node: [], test: [], valueUs: [], allocBytes: [] };
    const aggIndex = /* @__PURE__ */ new Map();
    for (const s of p.samples) {
      let node = 0;
      for (let i = s.stack.length - 1; i >= 0; i--) node = child(node, fnMap[s.stack[i]]);
      const test = testOf(s.labels);
      const key = `${node},${test}`;
      const v = (s.values[vi] ?? 0) / 1e3;
      const bytes = ai >= 0 ? s.values[ai] ?? 0 : 0;
      const at = aggIndex.get(key);
      if (at === void 0) {
        aggIndex.set(key, out.node.length);
        out.node.push(node);
        out.test.push(test);
        out.valueUs.push(v);
        out.allocBytes.push(bytes);
      } else {
        out.valueUs[at] += v;
        out.allocBytes[at] += bytes;
      }
    }
    return out;
  };
  const headRaw = addSide(head);
  const baseRaw = base ? addSide(base) : void 0;
  const testTimes = testClocks(head, base, testId, headWalls);
  const n = nodeParent.length;
  const newId = new Int32Array(n);
  const preFunc = [];
  const preDepth = [];
  const stack = [[0, 0]];
  while (stack.length) {
    const [id, depth] = stack.pop();
    newId[id] = preFunc.length;
    preFunc.push(nodeFunc[id]);
    preDepth.push(depth);
    const kids = childIds.get(id);
    if (kids) {
      const list = [...kids.values()];
      for (let k = list.length - 1; k >= 0; k--) stack.push([list[k], depth + 1]);
    }
  }
  const finish = (raw) => {
    const order = raw.node.map((_, i) => i).sort((a, b) => newId[raw.node[a]] - newId[raw.node[b]] || raw.test[a] - raw.test[b]);
    return {
      node: order.map((i) => newId[raw.node[i]]),
      test: order.map((i) => raw.test[i]),
      valueUs: order.map((i) => Math.round(raw.valueUs[i])),
      allocBytes: order.map((i) => Math.round(raw.allocBytes[i]))
    };
  };
  const headSide = finish(headRaw);
  const baseSide = baseRaw ? finish(baseRaw) : void 0;
  const header = {
    v: WIRE_VERSION,
    strings,
    functions: fnName.length,
    nodes: n,
    headSamples: headSide.node.length,
    baseSamples: baseSide ? baseSide.node.length : -1,
    tests,
    valueUnit: "us",
    intervals: (diff?.functions ?? []).filter((d) => d.interval && fnIds.has(d.key) && Number.isFinite(d.adjustedPct)).map((d) => [fnIds.get(d.key), round1(d.adjustedPct), round1(d.interval.lowPct), round1(d.interval.highPct)]),
    alloc: withAlloc,
    blocked: blockedFunctions(fnName, fnFile, strings, str),
    testTimes: testTimes.some((t) => t.some((v) => v >= 0)) ? tests.map((_, i) => testTimes[i] ?? [-1, -1, -1, -1]) : void 0,
    allocStatus: withAlloc && diffs.alloc ? allocStatuses(diffs.alloc, fnIds) : void 0
  };
  const w = new VarintWriter();
  for (const arr of [fnName, fnFile, fnLine, fnStatus]) for (const v of arr) w.write(v);
  for (let i = 0; i < n; i++) w.write(zigzag(preDepth[i] - (i > 0 ? preDepth[i - 1] : 0)));
  for (const f of preFunc) w.write(f + 1);
  for (const side of baseSide ? [headSide, baseSide] : [headSide]) {
    let prev = 0;
    for (const node of side.node) {
      w.write(zigzag(node - prev));
      prev = node;
    }
    for (const t of side.test) w.write(t + 1);
    for (const v of side.valueUs) w.write(Math.max(0, v));
    if (withAlloc) for (const v of side.allocBytes) w.write(Math.max(0, v));
  }
  const headerBytes = new TextEncoder().encode(JSON.stringify(header));
  const body = w.bytes();
  const blob = new Uint8Array(4 + headerBytes.length + body.length);
  new DataView(blob.buffer).setUint32(0, headerBytes.length, true);
  blob.set(headerBytes, 4);
  blob.set(body, 4 + headerBytes.length);
  const vt = head.sampleTypes[timeValueIndex(head)]?.type ?? "cpu";
  const meta = { title, head: { ...head.meta }, valueType: vt };
  if (base) meta.base = { ...base.meta };
  if (allocUnavailable) meta.allocUnavailable = allocUnavailable;
  else meta.alloc = allocMeta(head, headSide, baseSide, diffs.alloc);
  if (diff) {
    meta.diff = {
      verdict: diff.verdict,
      suite: diff.suite,
      baseCpuNs: diff.base.cpuNs,
      headCpuNs: diff.head.cpuNs,
      thresholds: diff.thresholds,
      regressions: diff.regressions.length,
      improvements: diff.improvements.length
    };
  }
  return {
    meta,
    blob,
    stats: { functions: fnName.length, nodes: n, samples: headSide.node.length + (baseSide?.node.length ?? 0), tests: tests.length }
  };
}
function allocStatuses(a, fnIds) {
  const out = [];
  for (const r of a.functions) {
    const id = r.frame ? fnIds.get(functionKey(r.frame)) : void 0;
    if (id !== void 0) out.push([id, allocStatusCode(r.status)]);
  }
  return out;
}
function allocMeta(head, headSide, baseSide, diff) {
  const sum = (s) => s.allocBytes.reduce((a, b) => a + b, 0);
  const out = { intervalBytes: Number(head.meta["alloc.interval_bytes"]) || 0, headBytes: sum(headSide) };
  if (baseSide) out.baseBytes = sum(baseSide);
  if (diff) out.diff = { verdict: diff.verdict, suiteDeltaPct: diff.suiteDeltaPct, regressions: diff.regressions, improvements: diff.improvements };
  return out;
}
function blockedFunctions(fnName, fnFile, strings, str) {
  const out = [];
  for (let f = 0; f < fnName.length; f++) {
    const cls = blockedClass({ name: strings[fnName[f]], file: strings[fnFile[f]] });
    if (cls) out.push([f, str(cls)]);
  }
  return out;
}
var msOrUnknown = (v) => typeof v === "number" && Number.isFinite(v) && v >= 0 ? Math.round(v * 100) / 100 : -1;
function testClocks(head, base, testId, headWalls) {
  const out = [];
  const add = (walls, at) => {
    for (const w of walls.values()) {
      const id = testId(w.file, w.name);
      const row = out[id] ??= [-1, -1, -1, -1];
      row[at] = msOrUnknown(w.wallMs);
      row[at + 1] = msOrUnknown(w.cpuMs);
    }
  };
  add(headWalls ?? readTestWalls(head), 0);
  if (base) add(readTestWalls(base), 2);
  return out;
}

// src/render/report-html.ts
function jsonForScript(value) {
  return JSON.stringify(value).replace(/</g, "\\u003c").replace(/>/g, "\\u003e").replace(/&/g, "\\u0026").replace(/\u2028/g, "\\u2028").replace(/\u2029/g, "\\u2029");
}
function escapeHtml(s) {
  return s.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}
function scriptSafeJs(js) {
  return js.replace(/<\/(script)/gi, "<\\/$1").replace(/<!--/g, "<\\!--");
}
function fillTemplate(template, parts) {
  return template.replace("{{TITLE}}", () => escapeHtml(parts.title)).replace("{{DATA}}", () => parts.dataJson).replace("{{SCRIPT}}", () => scriptSafeJs(parts.script));
}

// src/render/ui-bundle.ts
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
var cachedScript;
function reportUiScript() {
  if (true) return '"use strict";(()=>{var X=a=>a%2===0?a/2:-(a+1)/2;var _=class{constructor(e,t){this.buf=e;this.pos=t}buf;pos;read(){let e=0,t=1;for(;;){let n=this.buf[this.pos++];if(n===void 0)throw new Error("report data truncated");if(e+=(n&127)*t,n<128)return e;t*=128}}array(e,t){let n=0;for(let s=0;s<e.length;s++){let r=this.read();n=t?t(r,s,n):r,e[s]=n}return e}};var A=typeof matchMedia=="function"&&matchMedia("(prefers-color-scheme: dark)").matches;function Ie(a){let e=2166136261;for(let t=0;t<a.length;t++)e=Math.imul(e^a.charCodeAt(t),16777619);return e>>>0}var J=A?38:72;function ee(a,e){let n=Ie(a)%1e3/1e3;return e?e.startsWith("node:")?`hsl(${200+n*30} 35% ${J+(A?0:4)}%)`:e.includes("node_modules/")?`hsl(${45+n*15} 70% ${J}%)`:`hsl(${10+n*30} 80% ${J-(A?0:4)}%)`:`hsl(0 0% ${A?32:78}%)`}var te=A?"hsl(220 6% 34%)":"hsl(220 6% 80%)";function O(a,e){let t=Math.min(1,Math.max(.35,Math.abs(e)));return a===2?A?`hsl(0 ${45+35*t}% ${30+12*t}%)`:`hsl(0 ${55+35*t}% ${82-22*t}%)`:a===3?A?`hsl(215 ${45+35*t}% ${30+12*t}%)`:`hsl(215 ${55+35*t}% ${82-22*t}%)`:te}var fe=A?"#e6edf3":"#1f2328",de=A?"#e3b341":"#bf8700",be=A?"#ffffff":"#1f2328",pe=.22;var S=18,ye=.5,Re="11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",H=class{constructor(e,t,n=!1){this.hooks=t;this.inverted=n;this.scroller=document.createElement("div"),this.scroller.className="scroller",this.canvas=document.createElement("canvas"),this.spacer=document.createElement("div"),this.scroller.append(this.canvas,this.spacer),e.append(this.scroller),this.ctx=this.canvas.getContext("2d",{alpha:!1}),this.scroller.addEventListener("scroll",()=>this.requestDraw()),this.canvas.addEventListener("mousemove",s=>this.hooks.onHover(this.hit(s),s)),this.canvas.addEventListener("mouseleave",()=>this.hooks.onHover(-1,null)),this.canvas.addEventListener("click",s=>{let r=this.hit(s);r>=0&&this.hooks.onClick(r)}),new ResizeObserver(()=>this.requestDraw()).observe(this.scroller)}hooks;inverted;scroller;canvas;spacer;ctx;tree=null;x0=0;x1=1;anim=0;pending=0;charW=6.6;drawn=[];lastDrawMs=0;setTree(e,t=!1){let n=this.tree;this.tree=e,(!t||!n)&&this.resetView(!1),this.spacer.style.height=`${(e.maxDepth+1)*S+8}px`,this.requestDraw(),this.inverted&&requestAnimationFrame(()=>this.scroller.scrollTop=this.scroller.scrollHeight)}getTree(){return this.tree}resetView(e=!0){let t=this.tree;this.setView(0,t?Math.max(t.w[0],Number.MIN_VALUE):1,e)}zoomTo(e,t=!0){let n=this.tree;if(!(!n||e<0||n.w[e]<=0)&&(this.setView(n.x[e],n.x[e]+n.w[e],t),!this.inverted)){let s=n.depth[e]*S;(s<this.scroller.scrollTop||s>this.scroller.scrollTop+this.scroller.clientHeight-S)&&(this.scroller.scrollTop=Math.max(0,s-S*2))}}setView(e,t,n){if(cancelAnimationFrame(this.anim),!n){this.x0=e,this.x1=t,this.requestDraw();return}let s=this.x0,r=this.x1,l=performance.now(),i=h=>{let o=Math.min(1,(h-l)/150),c=1-(1-o)*(1-o);this.x0=s+(e-s)*c,this.x1=r+(t-r)*c,this.draw(),o<1&&(this.anim=requestAnimationFrame(i))};this.anim=requestAnimationFrame(i)}requestDraw(){this.pending||(this.pending=requestAnimationFrame(()=>{this.pending=0,this.draw()}))}rowY(e,t){return this.inverted?(t-e)*S:e*S}draw(){let e=performance.now(),t=this.tree,n=this.scroller.clientWidth,s=this.scroller.clientHeight;if(!t||n===0||s===0)return;let r=window.devicePixelRatio||1;(this.canvas.width!==Math.round(n*r)||this.canvas.height!==Math.round(s*r))&&(this.canvas.width=Math.round(n*r),this.canvas.height=Math.round(s*r),this.canvas.style.width=`${n}px`,this.canvas.style.height=`${s}px`,this.canvas.style.marginBottom=`${-s}px`);let l=this.ctx;l.setTransform(r,0,0,r,0,0),l.fillStyle=getComputedStyle(document.body).backgroundColor||"#fff",l.fillRect(0,0,n,s),l.font=Re,l.textBaseline="middle",this.charW=l.measureText("abcdefghij").width/10;let i=this.scroller.scrollTop,h=n/(this.x1-this.x0||1),o=ye/h,c=this.hooks.matches(),m=this.hooks.selectedFunc(),b=[],{order:f,skip:p,x,w:k,depth:F,func:L,maxDepth:C}=t,u=this.x0,d=this.x1;for(let g=0;g<t.n;){let w=f[g],M=x[w],B=k[w];if(B<o||M>=d||M+B<=u){g=p[g];continue}let T=this.rowY(F[w],C)-i;if(this.inverted?T+S<0:T>s){g=p[g];continue}if(g++,T+S<0||T>s)continue;let $=Math.max(0,(M-u)*h),D=Math.min(n,(M+B-u)*h)-$,U=L[w],K=c!==null&&U>=0&&c[U]===1,ue=this.hooks.color(w);if(l.globalAlpha=c!==null&&!K?pe:1,l.fillStyle=ue,l.fillRect($,T,Math.max(D-(D>3?1:0),ye),S-1),D>this.charW*3){let Y=this.hooks.label(w),me=Math.floor((D-6)/this.charW),Ee=Y.length<=me?Y:`${Y.slice(0,Math.max(0,me-1))}\\u2026`;l.fillStyle=fe,l.fillText(Ee,$+3,T+S/2)}l.globalAlpha=1,(K||m>=0&&U===m)&&(l.strokeStyle=U===m?be:de,l.lineWidth=U===m?2:1.5,l.strokeRect($+.75,T+.75,Math.max(D-2.5,.5),S-2.5)),b.push({node:w,x:$,y:T,w:D,h:S-1,color:ue,matched:K})}this.drawn=b,this.lastDrawMs=performance.now()-e}hit(e){let t=this.tree;if(!t)return-1;let n=this.canvas.getBoundingClientRect(),s=e.clientX-n.left,r=e.clientY-n.top+this.scroller.scrollTop,l=this.inverted?t.maxDepth-Math.floor(r/S):Math.floor(r/S),i=this.x0+s/n.width*(this.x1-this.x0);if(l<0||i<0||i>=t.w[0])return-1;let h=0;for(let o=0;o<l;o++){let c=-1;for(let m=t.kidsStart[h];m<t.kidsStart[h+1];m++){let b=t.kids[m];if(i>=t.x[b]&&i<t.x[b]+t.w[b]){c=b;break}}if(c<0)return-1;h=c}return t.w[h]>0?h:-1}};function Ne(a){let e=atob(a),t=new Uint8Array(e.length);for(let n=0;n<e.length;n++)t[n]=e.charCodeAt(n);return t}async function Le(a){let e=new Blob([a]).stream().pipeThrough(new DecompressionStream("gzip"));return new Uint8Array(await new Response(e).arrayBuffer())}function Be(a){let e=new Int32Array(a.length),t=[];for(let n=0;n<a.length;n++){let s=a[n];e[n]=s===0?-1:t[s-1],t[s]=n}return e}async function ge(a){let e=await Le(Ne(a.blob)),t=new DataView(e.buffer,e.byteOffset).getUint32(0,!0),n=JSON.parse(new TextDecoder().decode(e.subarray(4,4+t)));if(n.v!==2)throw new Error(`report data version ${n.v}, page expects ${2}`);let s=new _(e,4+t),r=n.functions,l=s.array(new Int32Array(r)),i=s.array(new Int32Array(r)),h=s.array(new Int32Array(r)),o=s.array(new Uint8Array(r)),c=Be(s.array(new Int32Array(n.nodes),(u,d,g)=>g+X(u))),m=s.array(new Int32Array(n.nodes),u=>u-1),b=u=>({node:s.array(new Int32Array(u),(d,g,w)=>w+X(d)),test:s.array(new Int32Array(u),d=>d-1),value:s.array(new Float64Array(u),d=>d*1e3),alloc:n.alloc?s.array(new Float64Array(u)):null}),f=b(n.headSamples),p=n.baseSamples>=0?b(n.baseSamples):null,x=u=>typeof u=="number"&&u>=0?u:NaN,k=n.tests.map(([u,d],g)=>{let w=n.testTimes?.[g];return{file:n.strings[u]??"",name:n.strings[d]??"",wallMs:x(w?.[0]),cpuMs:x(w?.[1]),baseWallMs:x(w?.[2]),baseCpuMs:x(w?.[3])}}),F=new Array(r).fill("");for(let[u,d]of n.blocked??[])u>=0&&u<r&&(F[u]=n.strings[d]??"");let L=new Map((n.intervals??[]).map(([u,d,g,w])=>[u,{pct:d,low:g,high:w}])),C=null;if(n.allocStatus){C=new Uint8Array(r).fill(1);for(let[u,d]of n.allocStatus)u>=0&&u<r&&(C[u]=d)}return{meta:a.meta,strings:n.strings,fnName:l,fnFile:i,fnLine:h,fnStatus:o,fnAllocStatus:C,fnInterval:L,parent:c,func:m,head:f,base:p,tests:k,fnBlocked:F}}function v(a){let e=a/1e6;return Math.abs(e)>=1e4?`${(e/1e3).toFixed(1)} s`:Math.abs(e)>=1e3?`${(e/1e3).toFixed(2)} s`:`${e.toFixed(Math.abs(e)>=100?0:1)} ms`}function R(a){let e=Math.abs(a);return e>=1024**3?`${(a/1024**3).toFixed(2)} GiB`:e>=1024**2?`${(a/1024**2).toFixed(1)} MiB`:e>=1024?`${(a/1024).toFixed(0)} KiB`:`${Math.round(a)} B`}function Te(a){return`${a>0?"+":a<0?"\\u2212":"\\xB1"}${R(Math.abs(a))}`}function W(a){return`${a>0?"+":a<0?"\\u2212":"\\xB1"}${v(Math.abs(a))}`}function N(a,e){if(!e)return"0%";let t=a/e*100;return`${t>=10?t.toFixed(1):t.toFixed(2)}%`}function E(a){return Number.isFinite(a)?`${a>0?"+":a<0?"\\u2212":"\\xB1"}${Math.abs(a).toFixed(1)}%`:a>0?"new":"\\u2014"}function ne(a){return`${a>0?"+":a<0?"\\u2212":"\\xB1"}${Math.abs(a).toFixed(2)} pp`}function ve(a,e,t,n){let s=a.tests.length,r={value:new Float64Array(s),blocked:new Float64Array(s),blockedBy:Array.from({length:s},()=>new Map)};if(!e||!t)return r;for(let l=0;l<e.test.length;l++){let i=e.test[l];if(i<0)continue;let h=a.func[e.node[l]],o=n&&h>=0?a.fnBlocked[h]:"";n&&h>=0&&De(a,h)||(o?(r.blocked[i]+=t[l],r.blockedBy[i].set(o,(r.blockedBy[i].get(o)??0)+t[l])):r.value[i]+=t[l])}return r}var De=(a,e)=>a.strings[a.fnName[e]]==="(idle)"&&a.strings[a.fnFile[e]]==="";function re(a){return[...a].filter(([,e])=>e>0).sort((e,t)=>t[1]-e[1]).map(([e,t])=>`${e} ${v(t)}`).join(", ")}function Se(a,e){let t=r=>r?e?r.alloc:r.value:null,n=ve(a,a.head,t(a.head),!e),s=ve(a,a.base,t(a.base),!e);return a.tests.map((r,l)=>({t:l,file:r.file,name:r.name,head:n.value[l],base:s.value[l],delta:n.value[l]-s.value[l],blocked:n.blocked[l],baseBlocked:s.blocked[l],blockedBy:re(n.blockedBy[l]),wallMs:r.wallMs,cpuMs:r.cpuMs,baseWallMs:r.baseWallMs,baseCpuMs:r.baseCpuMs}))}function Me(a,e){let t=new Map,n=0;for(let s=0;s<e.node.length;s++){let r=a.func[e.node[s]],l=r>=0?a.fnBlocked[r]:"";l&&(n+=e.value[s],t.set(l,(t.get(l)??0)+e.value[s]))}return{total:n,byClass:t}}var V=a=>Number.isFinite(a)?v(a*1e6):"\\u2013",z=a=>Number.isFinite(a)?a:-1,He="Profiler samples in the test\'s frames, idle and blocking system calls left out",ae="Profiler samples in frames that wait in a system call (sync fs, bind/listen, spawnSync, zlib, crypto, dns): waiting, not CPU",xe="The test thread\'s own CPU clock over the test (runner hooks; Node 22.23+ and 24+), \'\\u2013\' where Node has none",ke="Wall-clock time from the start to the end of the test (runner hooks)";function Ae(a){let e=[{label:"Test file",key:s=>s.file,text:s=>s.file,left:!0},{label:"Test",key:s=>s.name,text:s=>s.name,left:!0}],t=a.alloc?"allocated":"on-CPU (sampled)";if(e.push({label:a.diff?`Head ${t}`:t[0].toUpperCase()+t.slice(1),key:s=>s.head,text:s=>a.fmt(s.head),...a.alloc?{}:{title:He}}),a.diff&&e.push({label:"Base",key:s=>s.base,text:s=>a.fmt(s.base)},{label:"\\u0394",key:s=>Math.abs(s.delta),text:s=>a.fmtSigned(s.delta),cls:s=>s.delta>0?"st-regression":s.delta<0?"st-improvement":""},{label:"\\u0394 %",key:s=>s.delta/(s.base||1),text:s=>E(s.base>0?s.delta/s.base*100:s.delta>0?1/0:0)}),a.alloc)return e;let n=(s,r)=>a.diff?`${s} ${r?"base":"head"}`:s;return e.push({label:n("Blocked",!1),key:s=>s.blocked,text:s=>v(s.blocked),title:ae}),a.diff&&e.push({label:n("Blocked",!0),key:s=>s.baseBlocked,text:s=>v(s.baseBlocked),title:ae}),e.push({label:"Blocked in",key:s=>s.blockedBy,text:s=>s.blockedBy,left:!0,title:ae}),e.push({label:n("CPU (clock)",!1),key:s=>z(s.cpuMs),text:s=>V(s.cpuMs),title:xe}),a.diff&&e.push({label:n("CPU (clock)",!0),key:s=>z(s.baseCpuMs),text:s=>V(s.baseCpuMs),title:xe}),e.push({label:n("Wall",!1),key:s=>z(s.wallMs),text:s=>V(s.wallMs),title:ke}),a.diff&&e.push({label:n("Wall",!0),key:s=>z(s.baseWallMs),text:s=>V(s.baseWallMs),title:ke}),e}function Fe(a,e,t){let n=a.meta,s=n.head;e.title.textContent=n.title,document.title=n.title;let r=[],l=c=>c&&/^[0-9a-f]{40}$/.test(c)?c.slice(0,10):c;s.commit&&r.push(["commit",l(s.commit)]),s.branch&&r.push(["branch",s.branch]);let i=n.base?.commit??s.base_commit;i&&r.push(["base commit",l(i)]),n.base?.branch&&r.push(["base branch",n.base.branch]),s.job_key&&r.push(["job",s.job_key]),s.processes&&r.push(["processes profiled",s.processes]),s.threads&&r.push(["threads",s.threads+(s.lost_threads&&s.lost_threads!=="0"?` (${s.lost_threads} lost)`:"")]),s.wall_ms&&r.push(["wall",v(Number(s.wall_ms)*1e6)]);let h=n.valueType==="wall"?"wall":"CPU";if(a.base&&t.base!==null&&n.diff){let c=n.diff;r.push([`suite ${h}`,`${v(c.baseCpuNs)} \\u2192 ${v(c.headCpuNs)} (${W(c.suite.deltaNs)}, ${E(c.suite.deltaPct)})`]);let m=c.verdict==="regression"?`${c.regressions} slower function(s)`:c.verdict==="improvement"?`${c.improvements} faster function(s)`:"no significant change";r.push(["verdict",m,`verdict-${c.verdict}`])}else r.push([h==="CPU"?"sampled on-CPU":`sampled ${h}`,v(t.head-t.idleHead-t.blocked.total)]);t.blocked.total>0&&r.push([`blocked in system calls${a.base?" (head)":""}`,`${v(t.blocked.total)} (${re(t.blocked.byClass)})`]),t.idleHead>0&&r.push(["idle",v(t.idleHead)]);let o=n.alloc;if(o&&(o.baseBytes!==void 0?r.push(["allocated",`${R(o.baseBytes)} \\u2192 ${R(o.headBytes)} (${E(o.baseBytes>0?(o.headBytes-o.baseBytes)/o.baseBytes*100:1/0)})`]):r.push(["allocated",R(o.headBytes)]),o.diff)){let c=o.diff.verdict==="regression"?`${o.diff.regressions} row(s) allocate more`:o.diff.verdict==="improvement"?`${o.diff.improvements} row(s) allocate less`:"no significant change";r.push(["allocation verdict",c,`verdict-${o.diff.verdict}`])}s.command&&r.push(["command",s.command]),e.facts.replaceChildren(...r.map(([c,m,b])=>{let f=document.createElement("span");f.append(`${c}: `);let p=document.createElement("b");return p.textContent=m,b&&(p.className=b),f.append(p),f}))}function le(a,e,t){let n=a.length,s=new Float64Array(n);for(let r=0;r<e.node.length;r++)t>=0&&e.test[r]!==t||(s[e.node[r]]+=e.value[r]);return j(a,s)}function j(a,e){let t=Float64Array.from(e);for(let n=t.length-1;n>0;n--){let s=a[n];s>=0&&(t[s]+=t[n])}return{self:e,total:t,sum:t.length?t[0]:0}}function ie(a,e,t){let n=a.total.length,s=new Float64Array(n);if(!e||t==="head")s.set(a.total);else if(t==="sum")for(let r=0;r<n;r++)s[r]=a.total[r]+e.total[r];else{let r=a.sum||1,l=e.sum||1;for(let i=0;i<n;i++)s[i]=a.total[i]/r+e.total[i]/l}return s}function oe(a,e,t,n,s,r){let l=a.length,i=new Int32Array(l+1);for(let u=1;u<l;u++)i[a[u]+1]++;for(let u=0;u<l;u++)i[u+1]+=i[u];let h=i.slice(0,l),o=new Int32Array(Math.max(0,l-1));for(let u=1;u<l;u++)o[h[a[u]]++]=u;for(let u=0;u<l;u++){let d=i[u],g=i[u+1];g-d>1&&o.subarray(d,g).sort((w,M)=>s[M]-s[w]||w-M)}let c=new Float64Array(l),m=new Int32Array(l),b=new Int32Array(l),f=new Int32Array(l),p=new Uint8Array(l),x=new Int32Array(r+1),k=0,F=[0],L=new Int32Array(l),C=0;for(;F.length;){let u=F.pop();if(u<0){let T=~u;f[L[T]]=C,e[T]>=0&&x[e[T]]--;continue}let d=u;L[d]=C,b[C++]=d;let g=e[d];g>=0&&(p[d]=x[g]===0?1:0,x[g]++),m[d]>k&&(k=m[d]),F.push(~d);let w=c[d],M=i[d],B=i[d+1];for(let T=M;T<B;T++){let $=o[T];c[$]=w,w+=s[$],m[$]=m[d]+1}for(let T=B-1;T>=M;T--)F.push(o[T])}return{n:l,func:e,parent:a,depth:m,maxDepth:k,head:t,base:n,x:c,w:s,order:b,skip:f,kidsStart:i,kids:o,outermost:p}}function ce(a,e,t){let n=new Float64Array(t),s=new Float64Array(t);for(let r=1;r<a.n;r++){let l=a.func[r];l<0||(n[l]+=e.self[r],a.outermost[r]&&(s[l]+=e.total[r]))}return{self:n,total:s}}var q=class{parent;func;headSelf=[0];baseSelf=[0];ids=new Map;constructor(e){this.parent=[-1],this.func=[e]}child(e,t){let n=`${e},${t}`,s=this.ids.get(n);return s===void 0&&(s=this.parent.length,this.parent.push(e),this.func.push(t),this.headSelf.push(0),this.baseSelf.push(0),this.ids.set(n,s)),s}build(e){let t=Int32Array.from(this.parent);return{parent:t,func:Int32Array.from(this.func),head:j(t,Float64Array.from(this.headSelf)),base:e?j(t,Float64Array.from(this.baseSelf)):null}}};function Ce(a,e){let t=new q(e),n=new q(e),s=a.base;for(let r=1;r<a.n;r++){if(a.func[r]!==e||!a.outermost[r])continue;let l=a.head.total[r],i=s?s.total[r]:0;if(l===0&&i===0)continue;let h=0;for(let c=a.parent[r];c>0;c=a.parent[c])h=t.child(h,a.func[c]);t.headSelf[h]+=l,t.baseSelf[h]+=i,n.headSelf[0]+=a.head.self[r],n.baseSelf[0]+=s?s.self[r]:0;let o=[[r,0]];for(;o.length;){let[c,m]=o.pop();for(let b=a.kidsStart[c];b<a.kidsStart[c+1];b++){let f=a.kids[b],p=a.head.total[f],x=s?s.total[f]:0;if(p===0&&x===0)continue;let k=n.child(m,a.func[f]);n.headSelf[k]+=a.head.self[f],n.baseSelf[k]+=s?s.self[f]:0,o.push([f,k])}}}return{func:e,callers:t.build(!!s),callees:n.build(!!s)}}var P=class{constructor(e,t,n){this.columns=e;this.onClick=n;this.sortCol=t,this.el=document.createElement("div"),this.el.className="tablewrap",this.note=document.createElement("div"),this.note.className="empty"}columns;onClick;el;note;sortCol;desc=!0;rows=[];shown=[];setColumns(e){this.columns=e,this.sortCol=Math.min(this.sortCol,e.length-1)}setRows(e){this.rows=e,this.render()}sortBy(e){e===this.sortCol?this.desc=!this.desc:(this.sortCol=e,this.desc=typeof this.columns[e].key(this.rows[0])=="number"),this.render()}render(){let e=this.columns[this.sortCol],t=[...this.rows].sort((l,i)=>{let h=e.key(l),o=e.key(i),c=typeof h=="number"&&typeof o=="number"?h-o:String(h).localeCompare(String(o));return this.desc?-c:c});this.shown=t.slice(0,500);let n=document.createElement("table"),s=n.createTHead().insertRow();this.columns.forEach((l,i)=>{let h=document.createElement("th");h.textContent=l.label+(i===this.sortCol?this.desc?" \\u25BE":" \\u25B4":""),l.left&&(h.className="l"),l.title&&(h.title=l.title),h.addEventListener("click",()=>this.sortBy(i)),s.append(h)});let r=n.createTBody();for(let l of this.shown){let i=r.insertRow();for(let h of this.columns){let o=i.insertCell();o.textContent=h.text(l);let c=[h.left?"l":"",h.cls?h.cls(l):""].filter(Boolean).join(" ");c&&(o.className=c),h.left&&(o.title=o.textContent)}i.addEventListener("click",h=>this.onClick(l,h))}this.note.textContent=t.length>500?`Showing 500 of ${t.length} rows; filter to narrow.`:t.length===0?"No rows.":"",this.el.replaceChildren(n,this.note)}};var Pe={cpu:["","within noise","slower","faster"],alloc:["","within noise","allocates more","allocates less"]},G=["st-none","st-noise","st-regression","st-improvement"],I=a=>document.getElementById(a),y=(a,e={},...t)=>{let n=Object.assign(document.createElement(a),e);return n.append(...t),n},he=class{constructor(e){this.data=e;this.diff=e.base!==null;let t=(m,b)=>({color:f=>this.colorOf(m(),f),label:f=>this.labelOf(m(),f),matches:()=>this.matchFlags,selectedFunc:()=>b?-1:this.selected,onHover:(f,p)=>this.hover(m(),f,p),onClick:f=>{let p=m();b?p.func[f]>=0&&this.select(p.func[f]):f===0?this.main.resetView():(this.main.zoomTo(f),this.selected=p.func[f],this.refreshSandwich())}}),n=I("views"),s=this.view("flame","Flame graph");this.main=new H(s,t(()=>this.tree,!1));let r=this.view("sandwich","Sandwich"),l=y("div",{className:"sandwich"}),i=y("div",{className:"half"},y("h2",{textContent:"Callers (who calls it, merged; the function is the bottom row)"})),h=y("div",{className:"half"},y("h2",{textContent:"Callees (what it calls, merged)"}));l.append(this.sandwichTitle,i,h),r.append(l),this.callers=new H(i,t(()=>this.callersTree,!0),!0),this.callees=new H(h,t(()=>this.calleesTree,!0));let o=this.view("functions","Functions");this.fnTable=new P(this.fnColumns(),2,(m,b)=>{b.target.closest("td")?.cellIndex===0&&b.altKey?this.select(m.f,"sandwich"):this.select(m.f,"flame")}),o.append(this.fnTable.el),this.testTable=new P(this.testColumns(),this.diff?4:2,m=>this.setTestFilter(m.t)),e.tests.length&&this.view("tests","Tests").append(this.testTable.el),n.append(...this.views.values()),this.toolbar(),this.keys(),this.recompute();let c=this.idle();Fe(e,{title:I("title"),facts:I("facts")},{head:this.tree.head.sum,base:this.tree.base?.sum??null,idleHead:c.head,idleBase:c.base,blocked:Me(e,e.head)}),this.showTab("flame")}data;diff;tab="flame";testFilter=-1;metric="cpu";normalized=!1;searchText="";matchFlags=null;matchedFrames=0;matchShare=0;selected=-1;tree;fnTotals;firstPaintMs=-1;main;callers;callees;fnTable;testTable;views=new Map;tabButtons=new Map;tooltip=I("tooltip");info=y("span",{className:"info"});chip=y("span",{className:"chip"});search=y("input",{type:"search",placeholder:"Search functions (regex)  /",spellcheck:!1});fnFilter=y("input",{type:"text",placeholder:"Filter functions",spellcheck:!1});sandwichTitle=y("div",{className:"empty"});metricButtons=new Map;legend=y("span",{className:"legend info"});callersTree=null;calleesTree=null;view(e,t){let n=y("section",{className:"view"});n.dataset.view=e,this.views.set(e,n);let s=y("button",{className:"tab",textContent:t});return s.dataset.tab=e,s.addEventListener("click",()=>this.showTab(e)),this.tabButtons.set(e,s),I("tabs").append(s),n}showTab(e){this.tab=e;for(let[t,n]of this.views)n.classList.toggle("active",t===e);for(let[t,n]of this.tabButtons)n.setAttribute("aria-selected",String(t===e));e==="flame"&&this.main.requestDraw(),e==="sandwich"&&(this.callers.requestDraw(),this.callees.requestDraw()),this.fnFilter.style.display=e==="functions"?"":"none"}fmt(e){return this.metric==="alloc"?R(e):v(e)}fmtSigned(e){return this.metric==="alloc"?Te(e):W(e)}status(e){return this.metric==="cpu"?this.data.fnStatus[e]:this.data.fnAllocStatus?this.data.fnAllocStatus[e]:0}statusText(e){return Pe[this.metric][e]}metricSwitch(){let e=y("span",{className:"switch",role:"group"});e.setAttribute("aria-label","Measure");let t=this.data.meta.allocUnavailable;for(let[n,s]of[["cpu",this.data.meta.valueType==="wall"?"Wall time":"CPU time"],["alloc","Allocations"]]){let r=y("button",{className:"small",textContent:s});r.dataset.metric=n,r.setAttribute("aria-pressed",String(n===this.metric)),n==="alloc"&&!this.data.head.alloc&&(r.disabled=!0,r.title=t??"No allocation samples."),r.addEventListener("click",()=>this.setMetric(n)),this.metricButtons.set(n,r),e.append(r)}return!this.data.head.alloc&&t&&e.append(y("span",{className:"info",textContent:` ${t}`})),e}setMetric(e){if(!(e===this.metric||e==="alloc"&&!this.data.head.alloc)){this.metric=e;for(let[t,n]of this.metricButtons)n.setAttribute("aria-pressed",String(t===e));this.fillLegend(),this.testTable.setColumns(this.testColumns()),this.recompute()}}fillLegend(){let e=this.metric==="alloc"?["allocates more","allocates less"]:["slower","faster"];this.legend.replaceChildren();for(let[t,n]of[[O(2,1),e[0]],[O(3,1),e[1]],[te,"within noise"]]){let s=y("span");s.style.background=t,this.legend.append(s,n)}}toolbar(){let e=I("toolbar");e.append(this.metricSwitch()),this.search.addEventListener("input",()=>this.setSearch(this.search.value)),this.fnFilter.addEventListener("input",()=>this.renderFnTable());let t=y("button",{className:"small",textContent:"Reset zoom",title:"Esc"});if(t.addEventListener("click",()=>this.main.resetView()),e.append(this.search,this.fnFilter,t),this.diff){let n=y("input",{type:"checkbox"});n.addEventListener("change",()=>{this.normalized=n.checked,this.recompute(!0)}),this.fillLegend(),e.append(y("label",{className:"info"},n," normalized to suite total"),this.legend,y("span",{className:"info",textContent:"\\xB7 width = base + head"}))}this.chip.style.display="none",e.append(this.chip,this.info)}keys(){document.addEventListener("keydown",e=>{let t=e.target instanceof HTMLInputElement;e.key==="/"&&!t?(e.preventDefault(),this.tab!=="flame"&&this.tab!=="sandwich"&&this.showTab("flame"),this.search.focus(),this.search.select()):e.key==="Escape"&&(t&&e.target.blur(),this.main.resetView())})}recompute(e=!1){let t=this.data,n=le(t.parent,this.measured(t.head),this.testFilter),s=t.base?le(t.parent,this.measured(t.base),this.testFilter):null,r=ie(n,s,this.normalized?"normalized":"sum"),l=t.fnName.length;this.tree=oe(t.parent,t.func,n,s,r,l),this.fnTotals={head:ce(this.tree,n,l),base:s?ce(this.tree,s,l):null},this.main.setTree(this.tree,e),this.setSearch(this.searchText),this.refreshSandwich(),this.renderFnTable(),this.renderTestTable()}measured(e){return this.metric==="alloc"&&e.alloc?{...e,value:e.alloc}:e}idle(){let e=-1;for(let t=0;t<this.data.fnName.length;t++)this.name(t)==="(idle)"&&this.file(t)===""&&(e=t);return e<0?{head:0,base:this.diff?0:null}:{head:this.fnTotals.head.self[e],base:this.fnTotals.base?this.fnTotals.base.self[e]:null}}name(e){return this.data.strings[this.data.fnName[e]]??""}file(e){return this.data.strings[this.data.fnFile[e]]??""}loc(e){let t=this.file(e);return t?`${t}:${this.data.fnLine[e]}`:""}labelOf(e,t){let n=e.func[t];return n<0?`all (${this.fmt(e.head.sum)}${e.base?` head, ${this.fmt(e.base.sum)} base`:""})`:this.name(n)}change(e,t){if(!e.base)return 0;let n=e.head.total[t],s=e.base.total[t];this.normalized&&(n/=this.tree.head.sum||1,s/=this.tree.base.sum||1);let r=Math.max(n,s);return r>0?(n-s)/r:0}colorOf(e,t){let n=e.func[t];return this.diff?O(n<0?1:this.status(n),this.change(e,t)):n<0?ee("all",""):ee(this.name(n),this.file(n))}hover(e,t,n){let s=this.tooltip;if(!e||t<0||!n){s.style.display="none";return}let r=e.func[t],l=this.tree.head.sum,i=[],h=r<0?"all":this.name(r),o=r<0?"":this.loc(r),c=this.diff?"head ":"";if(i.push([`${c}total`,`${this.fmt(e.head.total[t])} (${N(e.head.total[t],l)} of suite)`]),i.push([`${c}self`,`${this.fmt(e.head.self[t])} (${N(e.head.self[t],l)})`]),e.base){let f=this.tree.base.sum;i.push(["base total",`${this.fmt(e.base.total[t])} (${N(e.base.total[t],f)} of suite)`]),i.push(["base self",this.fmt(e.base.self[t])]);let p=e.head.total[t]-e.base.total[t],x=(e.head.total[t]/(l||1)-e.base.total[t]/(f||1))*100;i.push(["\\u0394 total",this.normalized?ne(x):`${this.fmtSigned(p)} (${E(e.base.total[t]>0?p/e.base.total[t]*100:p>0?1/0:0)})`]),r>=0&&i.push(["status (self)",this.statusText(this.status(r))||"not tested (too few samples)"]);let k=r>=0&&this.metric==="cpu"?this.data.fnInterval.get(r):void 0;k&&i.push(["speed-adjusted \\u0394 self",$e(k)]),e.base.total[t]===0?i.push(["","only in head"]):e.head.total[t]===0&&i.push(["","only in base"])}s.replaceChildren(y("div",{className:"name",textContent:h}),...o?[y("div",{className:"loc",textContent:o})]:[],...i.map(([f,p])=>y("div",{textContent:f?`${f}: ${p}`:p}))),s.style.display="block";let m=Math.min(n.clientX+14,window.innerWidth-s.offsetWidth-8),b=n.clientY+16+s.offsetHeight>window.innerHeight?n.clientY-s.offsetHeight-8:n.clientY+16;s.style.left=`${Math.max(0,m)}px`,s.style.top=`${Math.max(0,b)}px`}setSearch(e){this.searchText=e;let t=this.data.fnName.length;if(!e)this.matchFlags=null,this.matchedFrames=0,this.matchShare=0,this.info.textContent="";else{let n;try{n=new RegExp(e,"i")}catch{n=new RegExp(e.replace(/[.*+?^${}()|[\\]\\\\]/g,"\\\\$&"),"i")}let s=new Uint8Array(t);for(let o=0;o<t;o++)n.test(this.name(o))&&(s[o]=1);this.matchFlags=s;let r=this.tree,l=0,i=0,h=-1;for(let o=0;o<r.n;o++){let c=r.order[o],m=r.func[c];m<0||!s[m]||r.w[c]<=0||(l++,o>=h&&(i+=r.head.total[c],h=r.skip[o]))}this.matchedFrames=l,this.matchShare=r.head.sum>0?i/r.head.sum:0,this.info.textContent=`${l} matching frame(s), ${(this.matchShare*100).toFixed(1)}% of ${this.diff?"head ":""}total (${this.fmt(i)})`}this.main.requestDraw(),this.callers.requestDraw(),this.callees.requestDraw()}select(e,t){if(this.selected=e,this.refreshSandwich(),t==="flame"){this.showTab("flame");let n=-1;for(let s=1;s<this.tree.n;s++)this.tree.func[s]===e&&(n<0||this.tree.w[s]>this.tree.w[n])&&(n=s);n>=0&&this.main.zoomTo(n)}else t==="sandwich"&&this.showTab("sandwich");this.main.requestDraw()}refreshSandwich(){let e=this.selected;if(e<0){this.sandwichTitle.textContent="Click a frame in the flame graph (or a row of the Functions table) to see its callers and callees here.";return}let t=Ce(this.tree,e),n=this.data.fnName.length,s=this.normalized?"normalized":"sum",r=o=>oe(o.parent,o.func,o.head,o.base,ie(o.head,o.base,s),n);this.callersTree=r(t.callers),this.calleesTree=r(t.callees),this.callers.setTree(this.callersTree),this.callees.setTree(this.calleesTree);let l=this.fnTotals.head,i=this.loc(e),h=`${this.name(e)}${i?`  ${i}`:""} \\u2014 total ${this.fmt(l.total[e])} (${N(l.total[e],this.tree.head.sum)}), self ${this.fmt(l.self[e])}`;this.fnTotals.base&&(h+=` \\xB7 base total ${this.fmt(this.fnTotals.base.total[e])}, self ${this.fmt(this.fnTotals.base.self[e])}`),this.sandwichTitle.textContent=h}setTestFilter(e){if(this.testFilter=e,this.chip.replaceChildren(),e>=0){let t=this.data.tests[e],n=y("button",{textContent:"\\u2715",title:"Show all tests"});n.addEventListener("click",()=>this.setTestFilter(-1)),this.chip.append(`test: ${t.file} \\u203A ${t.name} `,n),this.chip.style.display=""}else this.chip.style.display="none";this.recompute(),this.showTab("flame")}fnColumns(){let e=[{label:"Function",key:t=>t.name,text:t=>t.name,left:!0},{label:"Location",key:t=>t.loc,text:t=>t.loc,left:!0},{label:this.diff?"Head self":"Self",key:t=>t.self,text:t=>this.fmt(t.self)},{label:"Self %",key:t=>t.self,text:t=>N(t.self,this.tree.head.sum)},{label:this.diff?"Head total":"Total",key:t=>t.total,text:t=>this.fmt(t.total),title:"Recursion counted once"},{label:"Total %",key:t=>t.total,text:t=>N(t.total,this.tree.head.sum)}];return this.diff&&(e.push({label:"Base self",key:t=>t.baseSelf,text:t=>this.fmt(t.baseSelf)},{label:"\\u0394 self",key:t=>Math.abs(t.delta),text:t=>this.normalized?ne(t.delta):this.fmtSigned(t.delta),cls:t=>G[t.status]},{label:"\\u0394 %",key:t=>Number.isFinite(t.deltaPct)?t.deltaPct:1e9,text:t=>E(t.deltaPct),cls:t=>G[t.status]}),this.metric==="cpu"&&e.push({label:"Adj. \\u0394 (95% CI)",key:t=>this.data.fnInterval.get(t.f)?.pct??-1e9,text:t=>{let n=this.data.fnInterval.get(t.f);return n?$e(n):""},cls:t=>G[t.status],title:"Self-time change adjusted for the run\'s overall speed, with its 95% interval (the PR comment\'s numbers)"}),e.push({label:"Status",key:t=>t.status,text:t=>this.statusText(t.status),cls:t=>G[t.status]})),e}renderFnTable(){let{head:e,base:t}=this.fnTotals,n=this.fnFilter.value.toLowerCase(),s=this.tree.head.sum||1,r=this.tree.base?.sum||1,l=[];for(let i=0;i<this.data.fnName.length;i++){let h=t?t.total[i]:0;if(e.total[i]===0&&h===0)continue;let o=this.name(i),c=this.loc(i);if(n&&!o.toLowerCase().includes(n)&&!c.toLowerCase().includes(n))continue;let m=t?t.self[i]:0,b=this.normalized?(e.self[i]/s-m/r)*100:e.self[i]-m,f=e.self[i]-m;l.push({f:i,name:o,loc:c,self:e.self[i],total:e.total[i],baseSelf:m,baseTotal:h,delta:b,deltaPct:m>0?f/m*100:f>0?1/0:0,status:this.status(i)})}this.fnTable.setColumns(this.fnColumns()),this.fnTable.setRows(l)}testColumns(){return Ae({diff:this.diff,alloc:this.metric==="alloc",fmt:e=>this.fmt(e),fmtSigned:e=>this.fmtSigned(e)})}renderTestTable(){this.data.tests.length&&this.testTable.setRows(Se(this.data,this.metric==="alloc"))}};function $e(a){let e=t=>`${t>=0?"+":"\\u2212"}${Math.abs(t).toFixed(1)}`;return`${e(a.pct)}% (${e(a.low)}..${e(a.high)})`}function _e(a){let e=(s,r)=>{let l=s.func[r.node];return{node:r.node,parent:s.parent[r.node],name:l<0?"all":a.name(l),file:l<0?"":a.file(l),depth:s.depth[r.node],parentName:s.parent[r.node]>=0&&s.func[s.parent[r.node]]>=0?a.name(s.func[s.parent[r.node]]):r.node===0?null:"all",x:r.x,y:r.y,w:r.w,h:r.h,color:r.color,matched:r.matched,status:l<0?0:a.status(l),headTotal:s.head.total[r.node],headSelf:s.head.self[r.node],baseTotal:s.base?s.base.total[r.node]:null}},t=s=>{if(!s)return[];let r=[];for(let l=s.kidsStart[0];l<s.kidsStart[1];l++){let i=s.kids[l];r.push({name:a.name(s.func[i]),headTotal:s.head.total[i],baseTotal:s.base?s.base.total[i]:null})}return r};Object.defineProperty(window,"__ciprof",{value:Object.freeze({ready:!0,state:()=>({tab:a.tab,x0:a.main.x0,x1:a.main.x1,rootWidth:a.tree.w[0],search:a.searchText,matchedFrames:a.matchedFrames,matchShare:a.matchShare,selected:a.selected>=0?a.name(a.selected):null,testFilter:a.testFilter>=0?{file:a.data.tests[a.testFilter].file,name:a.data.tests[a.testFilter].name}:null,diff:a.diff,metric:a.metric,allocAvailable:a.data.head.alloc!==null,normalized:a.normalized,headSum:a.tree.head.sum,baseSum:a.tree.base?a.tree.base.sum:null,nodes:a.tree.n,lastDrawMs:a.main.lastDrawMs,firstPaintMs:a.firstPaintMs}),frames:()=>a.main.drawn.map(s=>e(a.tree,s)),sandwich:()=>{let s=a.selected;if(s<0)return null;let r=a.callersTree,l=a.calleesTree;return{name:a.name(s),total:a.fnTotals.head.total[s],self:a.fnTotals.head.self[s],callersRootTotal:r?r.head.total[0]:0,calleesRootTotal:l?l.head.total[0]:0,callers:t(r),callees:t(l)}},functions:()=>a.fnTable.shown.map(s=>({name:s.name,loc:s.loc,self:s.self,total:s.total,baseSelf:s.baseSelf,delta:s.delta,status:s.status})),tests:()=>a.testTable.shown.map(s=>({...s}))}),configurable:!1,writable:!1})}async function Oe(){try{let a=JSON.parse(I("ciprof-data").textContent??"{}"),e=await ge(a),t=new he(e);t.main.draw(),requestAnimationFrame(()=>setTimeout(()=>{t.firstPaintMs=performance.now(),_e(t)},0))}catch(a){let e=I("error");e.style.display="block",e.textContent=`Could not read the report data: ${a.message}`}}Oe();})();\n';
  if (cachedScript === void 0) {
    const esbuildName = "esbuild";
    const esbuild = createRequire(import.meta.url)(esbuildName);
    const out = esbuild.buildSync({ ...REPORT_UI_BUILD_OPTIONS, entryPoints: [fileURLToPath(new URL("../report-ui/main.ts", import.meta.url))], write: false });
    cachedScript = out.outputFiles[0].text;
  }
  return cachedScript;
}
function reportTemplate() {
  if (true) return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src data:">
<title>{{TITLE}}</title>
<style>
:root { --bg:#fff; --fg:#1f2328; --muted:#656d76; --line:#d0d7de; --panel:#f6f8fa; --accent:#0969da; --hl:#bf8700; --sel:#1f2328; color-scheme: light dark; }
@media (prefers-color-scheme: dark) { :root { --bg:#0d1117; --fg:#e6edf3; --muted:#8d96a0; --line:#30363d; --panel:#161b22; --accent:#4493f8; --hl:#e3b341; --sel:#ffffff; } }
* { box-sizing: border-box; }
html, body { margin:0; height:100%; background:var(--bg); color:var(--fg); font:13px/1.4 system-ui, -apple-system, "Segoe UI", sans-serif; }
body { display:flex; flex-direction:column; }
header { padding:8px 12px; border-bottom:1px solid var(--line); background:var(--panel); }
header h1 { font-size:15px; margin:0 0 4px; }
.facts { display:flex; flex-wrap:wrap; gap:4px 16px; color:var(--muted); }
.facts b { color:var(--fg); font-weight:600; }
.verdict-regression { color:#cf222e; } .verdict-improvement { color:#0969da; }
nav { display:flex; gap:4px; padding:6px 12px 0; border-bottom:1px solid var(--line); align-items:flex-end; flex-wrap:wrap; }
nav button.tab { border:1px solid transparent; border-bottom:none; background:none; color:var(--muted); padding:6px 12px; cursor:pointer; font:inherit; border-radius:6px 6px 0 0; }
nav button.tab[aria-selected="true"] { border-color:var(--line); background:var(--bg); color:var(--fg); margin-bottom:-1px; }
.toolbar { display:flex; gap:8px; align-items:center; padding:6px 12px; flex-wrap:wrap; border-bottom:1px solid var(--line); }
.toolbar input[type=search], .toolbar input[type=text] { width:260px; padding:3px 6px; font:inherit; background:var(--bg); color:var(--fg); border:1px solid var(--line); border-radius:4px; }
.toolbar .info { color:var(--muted); }
.chip { background:var(--panel); border:1px solid var(--line); border-radius:10px; padding:1px 8px; }
.switch { display:inline-flex; gap:0; align-items:center; }
.switch button.small { border-radius:0; }
.switch button.small:first-of-type { border-radius:4px 0 0 4px; }
.switch button.small[data-metric=alloc] { border-radius:0 4px 4px 0; border-left:none; }
.switch button[aria-pressed="true"] { background:var(--accent); border-color:var(--accent); color:#fff; }
.switch button:disabled { opacity:.5; cursor:not-allowed; }
.chip button, button.small { background:none; border:1px solid var(--line); color:var(--fg); border-radius:4px; cursor:pointer; font:inherit; padding:1px 6px; }
main { flex:1; min-height:0; position:relative; }
.view { position:absolute; inset:0; display:none; flex-direction:column; }
.view.active { display:flex; }
.scroller { flex:1; min-height:0; overflow:auto; position:relative; }
.scroller canvas { position:sticky; top:0; left:0; display:block; }
.sandwich { display:flex; flex-direction:column; flex:1; min-height:0; }
.sandwich .half { flex:1; min-height:0; display:flex; flex-direction:column; border-top:1px solid var(--line); }
.sandwich h2 { font-size:12px; margin:4px 12px; color:var(--muted); font-weight:600; }
.tablewrap { flex:1; overflow:auto; }
table { border-collapse:collapse; width:100%; font-variant-numeric:tabular-nums; }
th, td { padding:3px 8px; border-bottom:1px solid var(--line); text-align:right; white-space:nowrap; }
th { position:sticky; top:0; background:var(--panel); cursor:pointer; user-select:none; }
th:first-child, td:first-child, th.l, td.l { text-align:left; }
td.l { max-width:40vw; overflow:hidden; text-overflow:ellipsis; }
tbody tr { cursor:pointer; } tbody tr:hover { background:var(--panel); }
.st-regression { color:#cf222e; } .st-improvement { color:#0969da; } .st-noise, .st-none { color:var(--muted); }
#tooltip { position:fixed; pointer-events:none; background:var(--panel); border:1px solid var(--line); border-radius:6px; padding:6px 8px; max-width:520px; box-shadow:0 4px 12px rgba(0,0,0,.2); display:none; z-index:10; font-size:12px; }
#tooltip .name { font-weight:600; word-break:break-all; }
#tooltip .loc { color:var(--muted); word-break:break-all; }
.legend span { display:inline-block; width:10px; height:10px; margin:0 3px 0 8px; vertical-align:-1px; }
.empty { padding:24px; color:var(--muted); }
#error { color:#cf222e; padding:12px; display:none; }
</style>
</head>
<body>
<header><h1 id="title"></h1><div class="facts" id="facts"></div></header>
<nav id="tabs"></nav>
<div class="toolbar" id="toolbar"></div>
<div id="error"></div>
<main id="views"></main>
<div id="tooltip"></div>
<script type="application/json" id="ciprof-data">{{DATA}}</script>
<script>{{SCRIPT}}</script>
</body>
</html>
`;
  return readFileSync(fileURLToPath(new URL("../../templates/report.html", import.meta.url)), "utf8");
}
var REPORT_UI_BUILD_OPTIONS = { bundle: true, format: "iife", target: "chrome100", minify: true, legalComments: "none", platform: "browser" };

// src/render/report.ts
function renderReport(head, base, options = {}) {
  const diffs = base ? { cpu: options.diff, alloc: options.allocDiff } : {};
  const data = buildReportData(head, base, diffs, options.title ?? defaultTitle(head), options.headWalls);
  const blob = gzipSync(data.blob, { level: 6 }).toString("base64");
  const dataJson = jsonForScript({ meta: data.meta, blob });
  const script = reportUiScript();
  const html = fillTemplate(reportTemplate(), { title: data.meta.title, dataJson, script });
  return { html, scriptBytes: Buffer.byteLength(script), dataBytes: Buffer.byteLength(dataJson), nodes: data.stats.nodes, functions: data.stats.functions };
}
function writeReport(head, base, options) {
  const { html, ...rest } = renderReport(head, base, options);
  makeDirs(path.dirname(path.resolve(options.output)));
  writeFileAtomic(options.output, html);
  return { path: options.output, bytes: Buffer.byteLength(html), ...rest };
}
function defaultTitle(head) {
  const parts = ["ciprof"];
  if (head.meta.job_key) parts.push(head.meta.job_key);
  if (head.meta.commit) parts.push(head.meta.commit.slice(0, 8));
  return parts.join(" \xB7 ");
}
export {
  renderReport,
  writeReport
};

import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  codeLoadClassOf,
  codeLoadSelf
} from "./chunk-3VZZQNBZ.js";
import {
  blockedClass
} from "./chunk-TOQZ6A4H.js";
import {
  readTestWalls,
  testKey
} from "./chunk-ZT4APMRY.js";
import {
  writeFileAtomic
} from "./chunk-76FLTAGO.js";
import {
  makeDirs
} from "./chunk-MIHNHIUD.js";
import {
  ALLOC_SPACE,
  functionKey,
  timeValueIndex
} from "./chunk-VYVC6F5W.js";

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
    codeLoad: codeLoadFunctions(fnIds, head, base, diff, str, (id) => blockedClass({ name: strings[fnName[id]], file: strings[fnFile[id]] }) !== void 0 || strings[fnFile[id]] === ""),
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
function codeLoadFunctions(fnIds, head, base, diff, str, apart) {
  const out = [];
  if (diff) {
    for (const r of diff.functions) {
      const id = r.codeLoad ? fnIds.get(r.key) : void 0;
      if (id !== void 0) out.push([id, str(r.codeLoad), r.judgedBy ? str(r.judgedBy) : -1]);
    }
  } else {
    const h = codeLoadSelf(head);
    const b = base ? codeLoadSelf(base) : void 0;
    for (const [key, id] of fnIds) {
      if (apart(id)) continue;
      const cls = codeLoadClassOf(h.get(key), b?.get(key));
      if (cls) out.push([id, str(cls), -1]);
    }
  }
  return out.length ? out.sort((x, y) => x[0] - y[0]) : void 0;
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
  if (true) return '"use strict";(()=>{var Q=a=>a%2===0?a/2:-(a+1)/2;var O=class{constructor(e,t){this.buf=e;this.pos=t}buf;pos;read(){let e=0,t=1;for(;;){let n=this.buf[this.pos++];if(n===void 0)throw new Error("report data truncated");if(e+=(n&127)*t,n<128)return e;t*=128}}array(e,t){let n=0;for(let s=0;s<e.length;s++){let r=this.read();n=t?t(r,s,n):r,e[s]=n}return e}};var F=typeof matchMedia=="function"&&matchMedia("(prefers-color-scheme: dark)").matches;function Ie(a){let e=2166136261;for(let t=0;t<a.length;t++)e=Math.imul(e^a.charCodeAt(t),16777619);return e>>>0}var Z=F?38:72;function ee(a,e){let n=Ie(a)%1e3/1e3;return e?e.startsWith("node:")?`hsl(${200+n*30} 35% ${Z+(F?0:4)}%)`:e.includes("node_modules/")?`hsl(${45+n*15} 70% ${Z}%)`:`hsl(${10+n*30} 80% ${Z-(F?0:4)}%)`:`hsl(0 0% ${F?32:78}%)`}var z=F?"hsl(220 6% 34%)":"hsl(220 6% 80%)";function P(a,e){let t=Math.min(1,Math.max(.35,Math.abs(e)));return a===2?F?`hsl(0 ${45+35*t}% ${30+12*t}%)`:`hsl(0 ${55+35*t}% ${82-22*t}%)`:a===3?F?`hsl(215 ${45+35*t}% ${30+12*t}%)`:`hsl(215 ${55+35*t}% ${82-22*t}%)`:z}function te(a){let e=Math.min(1,Math.max(.35,Math.abs(a)));return F?`hsl(275 ${35+30*e}% ${30+12*e}%)`:`hsl(275 ${45+30*e}% ${84-20*e}%)`}var fe=F?"#e6edf3":"#1f2328",me=F?"#e3b341":"#bf8700",be=F?"#ffffff":"#1f2328",pe=.22;var M=18,ye=.5,Re="11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",U=class{constructor(e,t,n=!1){this.hooks=t;this.inverted=n;this.scroller=document.createElement("div"),this.scroller.className="scroller",this.canvas=document.createElement("canvas"),this.spacer=document.createElement("div"),this.scroller.append(this.canvas,this.spacer),e.append(this.scroller),this.ctx=this.canvas.getContext("2d",{alpha:!1}),this.scroller.addEventListener("scroll",()=>this.requestDraw()),this.canvas.addEventListener("mousemove",s=>this.hooks.onHover(this.hit(s),s)),this.canvas.addEventListener("mouseleave",()=>this.hooks.onHover(-1,null)),this.canvas.addEventListener("click",s=>{let r=this.hit(s);r>=0&&this.hooks.onClick(r)}),new ResizeObserver(()=>this.requestDraw()).observe(this.scroller)}hooks;inverted;scroller;canvas;spacer;ctx;tree=null;x0=0;x1=1;anim=0;pending=0;charW=6.6;drawn=[];lastDrawMs=0;setTree(e,t=!1){let n=this.tree;this.tree=e,(!t||!n)&&this.resetView(!1),this.spacer.style.height=`${(e.maxDepth+1)*M+8}px`,this.requestDraw(),this.inverted&&requestAnimationFrame(()=>this.scroller.scrollTop=this.scroller.scrollHeight)}getTree(){return this.tree}resetView(e=!0){let t=this.tree;this.setView(0,t?Math.max(t.w[0],Number.MIN_VALUE):1,e)}zoomTo(e,t=!0){let n=this.tree;if(!(!n||e<0||n.w[e]<=0)&&(this.setView(n.x[e],n.x[e]+n.w[e],t),!this.inverted)){let s=n.depth[e]*M;(s<this.scroller.scrollTop||s>this.scroller.scrollTop+this.scroller.clientHeight-M)&&(this.scroller.scrollTop=Math.max(0,s-M*2))}}setView(e,t,n){if(cancelAnimationFrame(this.anim),!n){this.x0=e,this.x1=t,this.requestDraw();return}let s=this.x0,r=this.x1,i=performance.now(),o=c=>{let l=Math.min(1,(c-i)/150),h=1-(1-l)*(1-l);this.x0=s+(e-s)*h,this.x1=r+(t-r)*h,this.draw(),l<1&&(this.anim=requestAnimationFrame(o))};this.anim=requestAnimationFrame(o)}requestDraw(){this.pending||(this.pending=requestAnimationFrame(()=>{this.pending=0,this.draw()}))}rowY(e,t){return this.inverted?(t-e)*M:e*M}draw(){let e=performance.now(),t=this.tree,n=this.scroller.clientWidth,s=this.scroller.clientHeight;if(!t||n===0||s===0)return;let r=window.devicePixelRatio||1;(this.canvas.width!==Math.round(n*r)||this.canvas.height!==Math.round(s*r))&&(this.canvas.width=Math.round(n*r),this.canvas.height=Math.round(s*r),this.canvas.style.width=`${n}px`,this.canvas.style.height=`${s}px`,this.canvas.style.marginBottom=`${-s}px`);let i=this.ctx;i.setTransform(r,0,0,r,0,0),i.fillStyle=getComputedStyle(document.body).backgroundColor||"#fff",i.fillRect(0,0,n,s),i.font=Re,i.textBaseline="middle",this.charW=i.measureText("abcdefghij").width/10;let o=this.scroller.scrollTop,c=n/(this.x1-this.x0||1),l=ye/c,h=this.hooks.matches(),u=this.hooks.selectedFunc(),m=[],{order:f,skip:g,x,w:C,depth:A,func:$,maxDepth:L}=t,p=this.x0,v=this.x1;for(let d=0;d<t.n;){let b=f[d],w=x[b],k=C[b];if(k<l||w>=v||w+k<=p){d=g[d];continue}let T=this.rowY(A[b],L)-o;if(this.inverted?T+M<0:T>s){d=g[d];continue}if(d++,T+M<0||T>s)continue;let E=Math.max(0,(w-p)*c),D=Math.min(n,(w+k-p)*c)-E,H=$[b],J=h!==null&&H>=0&&h[H]===1,ue=this.hooks.color(b);if(i.globalAlpha=h!==null&&!J?pe:1,i.fillStyle=ue,i.fillRect(E,T,Math.max(D-(D>3?1:0),ye),M-1),D>this.charW*3){let X=this.hooks.label(b),de=Math.floor((D-6)/this.charW),Ee=X.length<=de?X:`${X.slice(0,Math.max(0,de-1))}\\u2026`;i.fillStyle=fe,i.fillText(Ee,E+3,T+M/2)}i.globalAlpha=1,(J||u>=0&&H===u)&&(i.strokeStyle=H===u?be:me,i.lineWidth=H===u?2:1.5,i.strokeRect(E+.75,T+.75,Math.max(D-2.5,.5),M-2.5)),m.push({node:b,x:E,y:T,w:D,h:M-1,color:ue,matched:J})}this.drawn=m,this.lastDrawMs=performance.now()-e}hit(e){let t=this.tree;if(!t)return-1;let n=this.canvas.getBoundingClientRect(),s=e.clientX-n.left,r=e.clientY-n.top+this.scroller.scrollTop,i=this.inverted?t.maxDepth-Math.floor(r/M):Math.floor(r/M),o=this.x0+s/n.width*(this.x1-this.x0);if(i<0||o<0||o>=t.w[0])return-1;let c=0;for(let l=0;l<i;l++){let h=-1;for(let u=t.kidsStart[c];u<t.kidsStart[c+1];u++){let m=t.kids[u];if(o>=t.x[m]&&o<t.x[m]+t.w[m]){h=m;break}}if(h<0)return-1;c=h}return t.w[c]>0?c:-1}};function Ne(a){let e=atob(a),t=new Uint8Array(e.length);for(let n=0;n<e.length;n++)t[n]=e.charCodeAt(n);return t}async function Be(a){let e=new Blob([a]).stream().pipeThrough(new DecompressionStream("gzip"));return new Uint8Array(await new Response(e).arrayBuffer())}function De(a){let e=new Int32Array(a.length),t=[];for(let n=0;n<a.length;n++){let s=a[n];e[n]=s===0?-1:t[s-1],t[s]=n}return e}async function we(a){let e=await Be(Ne(a.blob)),t=new DataView(e.buffer,e.byteOffset).getUint32(0,!0),n=JSON.parse(new TextDecoder().decode(e.subarray(4,4+t)));if(n.v!==2)throw new Error(`report data version ${n.v}, page expects ${2}`);let s=new O(e,4+t),r=n.functions,i=s.array(new Int32Array(r)),o=s.array(new Int32Array(r)),c=s.array(new Int32Array(r)),l=s.array(new Uint8Array(r)),h=De(s.array(new Int32Array(n.nodes),(d,b,w)=>w+Q(d))),u=s.array(new Int32Array(n.nodes),d=>d-1),m=d=>({node:s.array(new Int32Array(d),(b,w,k)=>k+Q(b)),test:s.array(new Int32Array(d),b=>b-1),value:s.array(new Float64Array(d),b=>b*1e3),alloc:n.alloc?s.array(new Float64Array(d)):null}),f=m(n.headSamples),g=n.baseSamples>=0?m(n.baseSamples):null,x=d=>typeof d=="number"&&d>=0?d:NaN,C=n.tests.map(([d,b],w)=>{let k=n.testTimes?.[w];return{file:n.strings[d]??"",name:n.strings[b]??"",wallMs:x(k?.[0]),cpuMs:x(k?.[1]),baseWallMs:x(k?.[2]),baseCpuMs:x(k?.[3])}}),A=new Array(r).fill("");for(let[d,b]of n.blocked??[])d>=0&&d<r&&(A[d]=n.strings[b]??"");let $=new Map((n.intervals??[]).map(([d,b,w,k])=>[d,{pct:b,low:w,high:k}])),L=null;if(n.allocStatus){L=new Uint8Array(r).fill(1);for(let[d,b]of n.allocStatus)d>=0&&d<r&&(L[d]=b)}let p=new Array(r).fill(""),v=new Array(r).fill("");for(let[d,b,w]of n.codeLoad??[])d<0||d>=r||(p[d]=n.strings[b]??"",v[d]=w>=0?n.strings[w]??"":"");return{meta:a.meta,strings:n.strings,fnName:i,fnFile:o,fnLine:c,fnStatus:l,fnAllocStatus:L,fnInterval:$,parent:h,func:u,head:f,base:g,tests:C,fnBlocked:A,fnCodeLoad:p,fnJudgedBy:v}}function Te(a,e){return e>0?`${a}:${e}`:a}function S(a){let e=a/1e6;return Math.abs(e)>=1e4?`${(e/1e3).toFixed(1)} s`:Math.abs(e)>=1e3?`${(e/1e3).toFixed(2)} s`:`${e.toFixed(Math.abs(e)>=100?0:1)} ms`}function N(a){let e=Math.abs(a);return e>=1024**3?`${(a/1024**3).toFixed(2)} GiB`:e>=1024**2?`${(a/1024**2).toFixed(1)} MiB`:e>=1024?`${(a/1024).toFixed(0)} KiB`:`${Math.round(a)} B`}function xe(a){return`${a>0?"+":a<0?"\\u2212":"\\xB1"}${N(Math.abs(a))}`}function j(a){return`${a>0?"+":a<0?"\\u2212":"\\xB1"}${S(Math.abs(a))}`}function B(a,e){if(!e)return"0%";let t=a/e*100;return`${t>=10?t.toFixed(1):t.toFixed(2)}%`}function I(a){return Number.isFinite(a)?`${a>0?"+":a<0?"\\u2212":"\\xB1"}${Math.abs(a).toFixed(1)}%`:a>0?"new":"\\u2014"}function ne(a){return`${a>0?"+":a<0?"\\u2212":"\\xB1"}${Math.abs(a).toFixed(2)} pp`}function ve(a,e,t,n){let s=a.tests.length,r={value:new Float64Array(s),blocked:new Float64Array(s),blockedBy:Array.from({length:s},()=>new Map)};if(!e||!t)return r;for(let i=0;i<e.test.length;i++){let o=e.test[i];if(o<0)continue;let c=a.func[e.node[i]],l=n&&c>=0?a.fnBlocked[c]:"";n&&c>=0&&Ue(a,c)||(l?(r.blocked[o]+=t[i],r.blockedBy[o].set(l,(r.blockedBy[o].get(l)??0)+t[i])):r.value[o]+=t[i])}return r}var Ue=(a,e)=>a.strings[a.fnName[e]]==="(idle)"&&a.strings[a.fnFile[e]]==="";function re(a){return[...a].filter(([,e])=>e>0).sort((e,t)=>t[1]-e[1]).map(([e,t])=>`${e} ${S(t)}`).join(", ")}function Me(a,e){let t=r=>r?e?r.alloc:r.value:null,n=ve(a,a.head,t(a.head),!e),s=ve(a,a.base,t(a.base),!e);return a.tests.map((r,i)=>({t:i,file:r.file,name:r.name,head:n.value[i],base:s.value[i],delta:n.value[i]-s.value[i],blocked:n.blocked[i],baseBlocked:s.blocked[i],blockedBy:re(n.blockedBy[i]),wallMs:r.wallMs,cpuMs:r.cpuMs,baseWallMs:r.baseWallMs,baseCpuMs:r.baseCpuMs}))}function Ce(a,e){let t=new Map,n=0;for(let s=0;s<e.node.length;s++){let r=a.func[e.node[s]],i=r>=0?a.fnBlocked[r]:"";i&&(n+=e.value[s],t.set(i,(t.get(i)??0)+e.value[s]))}return{total:n,byClass:t}}var q=a=>Number.isFinite(a)?S(a*1e6):"\\u2013",G=a=>Number.isFinite(a)?a:-1,He="Profiler samples in the test\'s frames, idle and blocking system calls left out",ae="Profiler samples in frames that wait in a system call (sync fs, bind/listen, spawnSync, zlib, crypto, dns, the module loader hooks thread): waiting, not CPU",ke="The test thread\'s own CPU clock over the test (runner hooks; Node 22.23+ and 24+), \'\\u2013\' where Node has none",Se="Wall-clock time from the start to the end of the test (runner hooks)";function Ae(a){let e=[{label:"Test file",key:s=>s.file,text:s=>s.file,left:!0},{label:"Test",key:s=>s.name,text:s=>s.name,left:!0}],t=a.alloc?"allocated":"on-CPU (sampled)";if(e.push({label:a.diff?`Head ${t}`:t[0].toUpperCase()+t.slice(1),key:s=>s.head,text:s=>a.fmt(s.head),...a.alloc?{}:{title:He}}),a.diff&&e.push({label:"Base",key:s=>s.base,text:s=>a.fmt(s.base)},{label:"\\u0394",key:s=>Math.abs(s.delta),text:s=>a.fmtSigned(s.delta),cls:s=>s.delta>0?"st-regression":s.delta<0?"st-improvement":""},{label:"\\u0394 %",key:s=>s.delta/(s.base||1),text:s=>I(s.base>0?s.delta/s.base*100:s.delta>0?1/0:0)}),a.alloc)return e;let n=(s,r)=>a.diff?`${s} ${r?"base":"head"}`:s;return e.push({label:n("Blocked",!1),key:s=>s.blocked,text:s=>S(s.blocked),title:ae}),a.diff&&e.push({label:n("Blocked",!0),key:s=>s.baseBlocked,text:s=>S(s.baseBlocked),title:ae}),e.push({label:"Blocked in",key:s=>s.blockedBy,text:s=>s.blockedBy,left:!0,title:ae}),e.push({label:n("CPU (clock)",!1),key:s=>G(s.cpuMs),text:s=>q(s.cpuMs),title:ke}),a.diff&&e.push({label:n("CPU (clock)",!0),key:s=>G(s.baseCpuMs),text:s=>q(s.baseCpuMs),title:ke}),e.push({label:n("Wall",!1),key:s=>G(s.wallMs),text:s=>q(s.wallMs),title:Se}),a.diff&&e.push({label:n("Wall",!0),key:s=>G(s.baseWallMs),text:s=>q(s.baseWallMs),title:Se}),e}function Fe(a,e,t){let n=a.meta,s=n.head;e.title.textContent=n.title,document.title=n.title;let r=[],i=h=>h&&/^[0-9a-f]{40}$/.test(h)?h.slice(0,10):h;s.commit&&r.push(["commit",i(s.commit)]),s.branch&&r.push(["branch",s.branch]);let o=n.base?.commit??s.base_commit;o&&r.push(["base commit",i(o)]),n.base?.branch&&r.push(["base branch",n.base.branch]),s.job_key&&r.push(["job",s.job_key]),s.processes&&r.push(["processes profiled",s.processes]),s.threads&&r.push(["threads",s.threads+(s.lost_threads&&s.lost_threads!=="0"?` (${s.lost_threads} lost)`:"")]),s.wall_ms&&r.push(["wall",S(Number(s.wall_ms)*1e6)]);let c=n.valueType==="wall"?"wall":"CPU";if(a.base&&t.base!==null&&n.diff){let h=n.diff;r.push([`suite ${c}`,`${S(h.baseCpuNs)} \\u2192 ${S(h.headCpuNs)} (${j(h.suite.deltaNs)}, ${I(h.suite.deltaPct)})`]);let u=h.verdict==="regression"?`${h.regressions} slower function(s)`:h.verdict==="improvement"?`${h.improvements} faster function(s)`:"no significant change";r.push(["verdict",u,`verdict-${h.verdict}`])}else r.push([c==="CPU"?"sampled on-CPU":`sampled ${c}`,S(t.head-t.idleHead-t.blocked.total)]);t.blocked.total>0&&r.push([`blocked in system calls${a.base?" (head)":""}`,`${S(t.blocked.total)} (${re(t.blocked.byClass)})`]),t.idleHead>0&&r.push(["idle",S(t.idleHead)]);let l=n.alloc;if(l&&(l.baseBytes!==void 0?r.push(["allocated",`${N(l.baseBytes)} \\u2192 ${N(l.headBytes)} (${I(l.baseBytes>0?(l.headBytes-l.baseBytes)/l.baseBytes*100:1/0)})`]):r.push(["allocated",N(l.headBytes)]),l.diff)){let h=l.diff.verdict==="regression"?`${l.diff.regressions} row(s) allocate more`:l.diff.verdict==="improvement"?`${l.diff.improvements} row(s) allocate less`:"no significant change";r.push(["allocation verdict",h,`verdict-${l.diff.verdict}`])}s.command&&r.push(["command",s.command]),e.facts.replaceChildren(...r.map(([h,u,m])=>{let f=document.createElement("span");f.append(`${h}: `);let g=document.createElement("b");return g.textContent=u,m&&(g.className=m),f.append(g),f}))}function ie(a,e,t){let n=a.length,s=new Float64Array(n);for(let r=0;r<e.node.length;r++)t>=0&&e.test[r]!==t||(s[e.node[r]]+=e.value[r]);return K(a,s)}function K(a,e){let t=Float64Array.from(e);for(let n=t.length-1;n>0;n--){let s=a[n];s>=0&&(t[s]+=t[n])}return{self:e,total:t,sum:t.length?t[0]:0}}function oe(a,e,t){let n=a.total.length,s=new Float64Array(n);if(!e||t==="head")s.set(a.total);else if(t==="sum")for(let r=0;r<n;r++)s[r]=a.total[r]+e.total[r];else{let r=a.sum||1,i=e.sum||1;for(let o=0;o<n;o++)s[o]=a.total[o]/r+e.total[o]/i}return s}function le(a,e,t,n,s,r){let i=a.length,o=new Int32Array(i+1);for(let p=1;p<i;p++)o[a[p]+1]++;for(let p=0;p<i;p++)o[p+1]+=o[p];let c=o.slice(0,i),l=new Int32Array(Math.max(0,i-1));for(let p=1;p<i;p++)l[c[a[p]]++]=p;for(let p=0;p<i;p++){let v=o[p],d=o[p+1];d-v>1&&l.subarray(v,d).sort((b,w)=>s[w]-s[b]||b-w)}let h=new Float64Array(i),u=new Int32Array(i),m=new Int32Array(i),f=new Int32Array(i),g=new Uint8Array(i),x=new Int32Array(r+1),C=0,A=[0],$=new Int32Array(i),L=0;for(;A.length;){let p=A.pop();if(p<0){let T=~p;f[$[T]]=L,e[T]>=0&&x[e[T]]--;continue}let v=p;$[v]=L,m[L++]=v;let d=e[v];d>=0&&(g[v]=x[d]===0?1:0,x[d]++),u[v]>C&&(C=u[v]),A.push(~v);let b=h[v],w=o[v],k=o[v+1];for(let T=w;T<k;T++){let E=l[T];h[E]=b,b+=s[E],u[E]=u[v]+1}for(let T=k-1;T>=w;T--)A.push(l[T])}return{n:i,func:e,parent:a,depth:u,maxDepth:C,head:t,base:n,x:h,w:s,order:m,skip:f,kidsStart:o,kids:l,outermost:g}}function ce(a,e,t){let n=new Float64Array(t),s=new Float64Array(t);for(let r=1;r<a.n;r++){let i=a.func[r];i<0||(n[i]+=e.self[r],a.outermost[r]&&(s[i]+=e.total[r]))}return{self:n,total:s}}var Y=class{parent;func;headSelf=[0];baseSelf=[0];ids=new Map;constructor(e){this.parent=[-1],this.func=[e]}child(e,t){let n=`${e},${t}`,s=this.ids.get(n);return s===void 0&&(s=this.parent.length,this.parent.push(e),this.func.push(t),this.headSelf.push(0),this.baseSelf.push(0),this.ids.set(n,s)),s}build(e){let t=Int32Array.from(this.parent);return{parent:t,func:Int32Array.from(this.func),head:K(t,Float64Array.from(this.headSelf)),base:e?K(t,Float64Array.from(this.baseSelf)):null}}};function $e(a,e){let t=new Y(e),n=new Y(e),s=a.base;for(let r=1;r<a.n;r++){if(a.func[r]!==e||!a.outermost[r])continue;let i=a.head.total[r],o=s?s.total[r]:0;if(i===0&&o===0)continue;let c=0;for(let h=a.parent[r];h>0;h=a.parent[h])c=t.child(c,a.func[h]);t.headSelf[c]+=i,t.baseSelf[c]+=o,n.headSelf[0]+=a.head.self[r],n.baseSelf[0]+=s?s.self[r]:0;let l=[[r,0]];for(;l.length;){let[h,u]=l.pop();for(let m=a.kidsStart[h];m<a.kidsStart[h+1];m++){let f=a.kids[m],g=a.head.total[f],x=s?s.total[f]:0;if(g===0&&x===0)continue;let C=n.child(u,a.func[f]);n.headSelf[C]+=a.head.self[f],n.baseSelf[C]+=s?s.self[f]:0,l.push([f,C])}}}return{func:e,callers:t.build(!!s),callees:n.build(!!s)}}var _=class{constructor(e,t,n){this.columns=e;this.onClick=n;this.sortCol=t,this.el=document.createElement("div"),this.el.className="tablewrap",this.note=document.createElement("div"),this.note.className="empty"}columns;onClick;el;note;sortCol;desc=!0;rows=[];shown=[];setColumns(e){this.columns=e,this.sortCol=Math.min(this.sortCol,e.length-1)}setRows(e){this.rows=e,this.render()}sortBy(e){e===this.sortCol?this.desc=!this.desc:(this.sortCol=e,this.desc=typeof this.columns[e].key(this.rows[0])=="number"),this.render()}render(){let e=this.columns[this.sortCol],t=[...this.rows].sort((i,o)=>{let c=e.key(i),l=e.key(o),h=typeof c=="number"&&typeof l=="number"?c-l:String(c).localeCompare(String(l));return this.desc?-h:h});this.shown=t.slice(0,500);let n=document.createElement("table"),s=n.createTHead().insertRow();this.columns.forEach((i,o)=>{let c=document.createElement("th");c.textContent=i.label+(o===this.sortCol?this.desc?" \\u25BE":" \\u25B4":""),i.left&&(c.className="l"),i.title&&(c.title=i.title),c.addEventListener("click",()=>this.sortBy(o)),s.append(c)});let r=n.createTBody();for(let i of this.shown){let o=r.insertRow();for(let c of this.columns){let l=o.insertCell();l.textContent=c.text(i);let h=[c.left?"l":"",c.cls?c.cls(i):""].filter(Boolean).join(" ");h&&(l.className=h),c.left&&(l.title=l.textContent)}o.addEventListener("click",c=>this.onClick(i,c))}this.note.textContent=t.length>500?`Showing 500 of ${t.length} rows; filter to narrow.`:t.length===0?"No rows.":"",this.el.replaceChildren(n,this.note)}};var _e={cpu:["","within noise","slower","faster"],alloc:["","within noise","allocates more","allocates less"]},Oe=["st-none","st-noise","st-regression","st-improvement"],We=["not tested","within its swing","more, beyond its swing","less, beyond its swing"],Ve=["st-none","st-noise","st-codeload","st-codeload"],ze={prior:"the swing measured for its class on real suites (no history)",history:"its class\'s swing in this job\'s history",runs:"its spread over the compare runs"},R=a=>document.getElementById(a),y=(a,e={},...t)=>{let n=Object.assign(document.createElement(a),e);return n.append(...t),n},he=class{constructor(e){this.data=e;this.diff=e.base!==null;let t=(u,m)=>({color:f=>this.colorOf(u(),f),label:f=>this.labelOf(u(),f),matches:()=>this.matchFlags,selectedFunc:()=>m?-1:this.selected,onHover:(f,g)=>this.hover(u(),f,g),onClick:f=>{let g=u();m?g.func[f]>=0&&this.select(g.func[f]):f===0?this.main.resetView():(this.main.zoomTo(f),this.selected=g.func[f],this.refreshSandwich())}}),n=R("views"),s=this.view("flame","Flame graph");this.main=new U(s,t(()=>this.tree,!1));let r=this.view("sandwich","Sandwich"),i=y("div",{className:"sandwich"}),o=y("div",{className:"half"},y("h2",{textContent:"Callers (who calls it, merged; the function is the bottom row)"})),c=y("div",{className:"half"},y("h2",{textContent:"Callees (what it calls, merged)"}));i.append(this.sandwichTitle,o,c),r.append(i),this.callers=new U(o,t(()=>this.callersTree,!0),!0),this.callees=new U(c,t(()=>this.calleesTree,!0));let l=this.view("functions","Functions");this.fnTable=new _(this.fnColumns(),2,(u,m)=>{m.target.closest("td")?.cellIndex===0&&m.altKey?this.select(u.f,"sandwich"):this.select(u.f,"flame")}),l.append(this.fnTable.el),this.testTable=new _(this.testColumns(),this.diff?4:2,u=>this.setTestFilter(u.t)),e.tests.length&&this.view("tests","Tests").append(this.testTable.el),n.append(...this.views.values()),this.toolbar(),this.keys(),this.recompute();let h=this.idle();Fe(e,{title:R("title"),facts:R("facts")},{head:this.tree.head.sum,base:this.tree.base?.sum??null,idleHead:h.head,idleBase:h.base,blocked:Ce(e,e.head)}),this.showTab("flame")}data;diff;tab="flame";testFilter=-1;metric="cpu";normalized=!1;searchText="";matchFlags=null;matchedFrames=0;matchShare=0;selected=-1;tree;fnTotals;firstPaintMs=-1;main;callers;callees;fnTable;testTable;views=new Map;tabButtons=new Map;tooltip=R("tooltip");info=y("span",{className:"info"});chip=y("span",{className:"chip"});search=y("input",{type:"search",placeholder:"Search functions (regex)  /",spellcheck:!1});fnFilter=y("input",{type:"text",placeholder:"Filter functions",spellcheck:!1});sandwichTitle=y("div",{className:"empty"});metricButtons=new Map;legend=y("span",{className:"legend info"});callersTree=null;calleesTree=null;view(e,t){let n=y("section",{className:"view"});n.dataset.view=e,this.views.set(e,n);let s=y("button",{className:"tab",textContent:t});return s.dataset.tab=e,s.addEventListener("click",()=>this.showTab(e)),this.tabButtons.set(e,s),R("tabs").append(s),n}showTab(e){this.tab=e;for(let[t,n]of this.views)n.classList.toggle("active",t===e);for(let[t,n]of this.tabButtons)n.setAttribute("aria-selected",String(t===e));e==="flame"&&this.main.requestDraw(),e==="sandwich"&&(this.callers.requestDraw(),this.callees.requestDraw()),this.fnFilter.style.display=e==="functions"?"":"none"}fmt(e){return this.metric==="alloc"?N(e):S(e)}fmtSigned(e){return this.metric==="alloc"?xe(e):j(e)}status(e){return this.metric==="cpu"?this.data.fnStatus[e]:this.data.fnAllocStatus?this.data.fnAllocStatus[e]:0}statusText(e){return _e[this.metric][e]}codeLoad(e){return this.metric==="cpu"&&e>=0?this.data.fnCodeLoad[e]??"":""}fnStatusText(e){let t=this.status(e),n=this.codeLoad(e);return n?`code loading (${n}): ${We[t]}`:this.statusText(t)}fnStatusCls(e){return(this.codeLoad(e)?Ve:Oe)[this.status(e)]}kindOf(e){let t=this.codeLoad(e);if(t)return`code loading (${t})`;let n=this.data.fnBlocked[e];return n?`blocked (${n})`:this.metric==="cpu"?"CPU":""}metricSwitch(){let e=y("span",{className:"switch",role:"group"});e.setAttribute("aria-label","Measure");let t=this.data.meta.allocUnavailable;for(let[n,s]of[["cpu",this.data.meta.valueType==="wall"?"Wall time":"CPU time"],["alloc","Allocations"]]){let r=y("button",{className:"small",textContent:s});r.dataset.metric=n,r.setAttribute("aria-pressed",String(n===this.metric)),n==="alloc"&&!this.data.head.alloc&&(r.disabled=!0,r.title=t??"No allocation samples."),r.addEventListener("click",()=>this.setMetric(n)),this.metricButtons.set(n,r),e.append(r)}return!this.data.head.alloc&&t&&e.append(y("span",{className:"info",textContent:` ${t}`})),e}setMetric(e){if(!(e===this.metric||e==="alloc"&&!this.data.head.alloc)){this.metric=e;for(let[t,n]of this.metricButtons)n.setAttribute("aria-pressed",String(t===e));this.fillLegend(),this.testTable.setColumns(this.testColumns()),this.recompute()}}fillLegend(){let e=this.metric==="alloc"?["allocates more","allocates less"]:["slower","faster"];this.legend.replaceChildren();for(let[t,n]of[[P(2,1),e[0]],[P(3,1),e[1]],[z,"within noise"]]){let s=y("span");s.style.background=t,this.legend.append(s,n)}if(this.metric==="cpu"&&this.data.fnCodeLoad.some(t=>t!=="")){let t=y("span");t.style.background=te(1),this.legend.append(t,"code loading beyond its swing (judged apart, not CPU)")}}toolbar(){let e=R("toolbar");e.append(this.metricSwitch()),this.search.addEventListener("input",()=>this.setSearch(this.search.value)),this.fnFilter.addEventListener("input",()=>this.renderFnTable());let t=y("button",{className:"small",textContent:"Reset zoom",title:"Esc"});if(t.addEventListener("click",()=>this.main.resetView()),e.append(this.search,this.fnFilter,t),this.diff){let n=y("input",{type:"checkbox"});n.addEventListener("change",()=>{this.normalized=n.checked,this.recompute(!0)}),this.fillLegend(),e.append(y("label",{className:"info"},n," normalized to suite total"),this.legend,y("span",{className:"info",textContent:"\\xB7 width = base + head"}))}this.chip.style.display="none",e.append(this.chip,this.info)}keys(){document.addEventListener("keydown",e=>{let t=e.target instanceof HTMLInputElement;e.key==="/"&&!t?(e.preventDefault(),this.tab!=="flame"&&this.tab!=="sandwich"&&this.showTab("flame"),this.search.focus(),this.search.select()):e.key==="Escape"&&(t&&e.target.blur(),this.main.resetView())})}recompute(e=!1){let t=this.data,n=ie(t.parent,this.measured(t.head),this.testFilter),s=t.base?ie(t.parent,this.measured(t.base),this.testFilter):null,r=oe(n,s,this.normalized?"normalized":"sum"),i=t.fnName.length;this.tree=le(t.parent,t.func,n,s,r,i),this.fnTotals={head:ce(this.tree,n,i),base:s?ce(this.tree,s,i):null},this.main.setTree(this.tree,e),this.setSearch(this.searchText),this.refreshSandwich(),this.renderFnTable(),this.renderTestTable()}measured(e){return this.metric==="alloc"&&e.alloc?{...e,value:e.alloc}:e}idle(){let e=-1;for(let t=0;t<this.data.fnName.length;t++)this.name(t)==="(idle)"&&this.file(t)===""&&(e=t);return e<0?{head:0,base:this.diff?0:null}:{head:this.fnTotals.head.self[e],base:this.fnTotals.base?this.fnTotals.base.self[e]:null}}name(e){return this.data.strings[this.data.fnName[e]]??""}file(e){return this.data.strings[this.data.fnFile[e]]??""}loc(e){let t=this.file(e);return t?Te(t,this.data.fnLine[e]):""}labelOf(e,t){let n=e.func[t];return n<0?`all (${this.fmt(e.head.sum)}${e.base?` head, ${this.fmt(e.base.sum)} base`:""})`:this.name(n)}change(e,t){if(!e.base)return 0;let n=e.head.total[t],s=e.base.total[t];this.normalized&&(n/=this.tree.head.sum||1,s/=this.tree.base.sum||1);let r=Math.max(n,s);return r>0?(n-s)/r:0}colorOf(e,t){let n=e.func[t];if(!this.diff)return n<0?ee("all",""):ee(this.name(n),this.file(n));if(n<0)return P(1,0);let s=this.status(n);return this.codeLoad(n)?s===2||s===3?te(this.change(e,t)):z:P(s,this.change(e,t))}hover(e,t,n){let s=this.tooltip;if(!e||t<0||!n){s.style.display="none";return}let r=e.func[t],i=this.tree.head.sum,o=[],c=r<0?"all":this.name(r),l=r<0?"":this.loc(r),h=this.diff?"head ":"";if(o.push([`${h}total`,`${this.fmt(e.head.total[t])} (${B(e.head.total[t],i)} of suite)`]),o.push([`${h}self`,`${this.fmt(e.head.self[t])} (${B(e.head.self[t],i)})`]),e.base){let g=this.tree.base.sum;o.push(["base total",`${this.fmt(e.base.total[t])} (${B(e.base.total[t],g)} of suite)`]),o.push(["base self",this.fmt(e.base.self[t])]);let x=e.head.total[t]-e.base.total[t],C=(e.head.total[t]/(i||1)-e.base.total[t]/(g||1))*100;o.push(["\\u0394 total",this.normalized?ne(C):`${this.fmtSigned(x)} (${I(e.base.total[t]>0?x/e.base.total[t]*100:x>0?1/0:0)})`]),r>=0&&o.push(["status (self)",this.fnStatusText(r)||"not tested (too few samples)"]);let A=r>=0&&this.metric==="cpu"?this.data.fnInterval.get(r):void 0;A&&o.push(["speed-adjusted \\u0394 self",Le(A)]);let $=r>=0&&this.codeLoad(r)?this.data.fnJudgedBy[r]:"";$&&o.push(["judged by",ze[$]??$]),e.base.total[t]===0?o.push(["","only in head"]):e.head.total[t]===0&&o.push(["","only in base"])}let u=this.codeLoad(r);u&&o.push(["",`code loading (${u}): judged by its class\'s swing, not as a CPU change`]),s.replaceChildren(y("div",{className:"name",textContent:c}),...l?[y("div",{className:"loc",textContent:l})]:[],...o.map(([g,x])=>y("div",{textContent:g?`${g}: ${x}`:x}))),s.style.display="block";let m=Math.min(n.clientX+14,window.innerWidth-s.offsetWidth-8),f=n.clientY+16+s.offsetHeight>window.innerHeight?n.clientY-s.offsetHeight-8:n.clientY+16;s.style.left=`${Math.max(0,m)}px`,s.style.top=`${Math.max(0,f)}px`}setSearch(e){this.searchText=e;let t=this.data.fnName.length;if(!e)this.matchFlags=null,this.matchedFrames=0,this.matchShare=0,this.info.textContent="";else{let n;try{n=new RegExp(e,"i")}catch{n=new RegExp(e.replace(/[.*+?^${}()|[\\]\\\\]/g,"\\\\$&"),"i")}let s=new Uint8Array(t);for(let l=0;l<t;l++)n.test(this.name(l))&&(s[l]=1);this.matchFlags=s;let r=this.tree,i=0,o=0,c=-1;for(let l=0;l<r.n;l++){let h=r.order[l],u=r.func[h];u<0||!s[u]||r.w[h]<=0||(i++,l>=c&&(o+=r.head.total[h],c=r.skip[l]))}this.matchedFrames=i,this.matchShare=r.head.sum>0?o/r.head.sum:0,this.info.textContent=`${i} matching frame(s), ${(this.matchShare*100).toFixed(1)}% of ${this.diff?"head ":""}total (${this.fmt(o)})`}this.main.requestDraw(),this.callers.requestDraw(),this.callees.requestDraw()}select(e,t){if(this.selected=e,this.refreshSandwich(),t==="flame"){this.showTab("flame");let n=-1;for(let s=1;s<this.tree.n;s++)this.tree.func[s]===e&&(n<0||this.tree.w[s]>this.tree.w[n])&&(n=s);n>=0&&this.main.zoomTo(n)}else t==="sandwich"&&this.showTab("sandwich");this.main.requestDraw()}refreshSandwich(){let e=this.selected;if(e<0){this.sandwichTitle.textContent="Click a frame in the flame graph (or a row of the Functions table) to see its callers and callees here.";return}let t=$e(this.tree,e),n=this.data.fnName.length,s=this.normalized?"normalized":"sum",r=l=>le(l.parent,l.func,l.head,l.base,oe(l.head,l.base,s),n);this.callersTree=r(t.callers),this.calleesTree=r(t.callees),this.callers.setTree(this.callersTree),this.callees.setTree(this.calleesTree);let i=this.fnTotals.head,o=this.loc(e),c=`${this.name(e)}${o?`  ${o}`:""} \\u2014 total ${this.fmt(i.total[e])} (${B(i.total[e],this.tree.head.sum)}), self ${this.fmt(i.self[e])}`;this.fnTotals.base&&(c+=` \\xB7 base total ${this.fmt(this.fnTotals.base.total[e])}, self ${this.fmt(this.fnTotals.base.self[e])}`),this.codeLoad(e)&&(c+=this.diff?` \\xB7 ${this.fnStatusText(e)}`:` \\xB7 code loading (${this.codeLoad(e)})`),this.sandwichTitle.textContent=c}setTestFilter(e){if(this.testFilter=e,this.chip.replaceChildren(),e>=0){let t=this.data.tests[e],n=y("button",{textContent:"\\u2715",title:"Show all tests"});n.addEventListener("click",()=>this.setTestFilter(-1)),this.chip.append(`test: ${t.file} \\u203A ${t.name} `,n),this.chip.style.display=""}else this.chip.style.display="none";this.recompute(),this.showTab("flame")}fnColumns(){let e=[{label:"Function",key:t=>t.name,text:t=>t.name,left:!0},{label:"Location",key:t=>t.loc,text:t=>t.loc,left:!0},{label:this.diff?"Head self":"Self",key:t=>t.self,text:t=>this.fmt(t.self)},{label:"Self %",key:t=>t.self,text:t=>B(t.self,this.tree.head.sum)},{label:this.diff?"Head total":"Total",key:t=>t.total,text:t=>this.fmt(t.total),title:"Recursion counted once"},{label:"Total %",key:t=>t.total,text:t=>B(t.total,this.tree.head.sum)}];return this.diff&&(e.push({label:"Base self",key:t=>t.baseSelf,text:t=>this.fmt(t.baseSelf)},{label:"\\u0394 self",key:t=>Math.abs(t.delta),text:t=>this.normalized?ne(t.delta):this.fmtSigned(t.delta),cls:t=>this.fnStatusCls(t.f)},{label:"\\u0394 %",key:t=>Number.isFinite(t.deltaPct)?t.deltaPct:1e9,text:t=>I(t.deltaPct),cls:t=>this.fnStatusCls(t.f)}),this.metric==="cpu"&&e.push({label:"Adj. \\u0394 (95% CI)",key:t=>this.data.fnInterval.get(t.f)?.pct??-1e9,text:t=>{let n=this.data.fnInterval.get(t.f);return n?Le(n):""},cls:t=>this.fnStatusCls(t.f),title:"Self-time change adjusted for the run\'s overall speed, with its 95% interval (the PR comment\'s numbers)"}),e.push({label:"Status",key:t=>t.status,text:t=>this.fnStatusText(t.f),cls:t=>this.fnStatusCls(t.f)})),this.metric==="cpu"&&e.push({label:"Judged as",key:t=>t.kind,text:t=>t.kind,left:!0,title:je}),e}renderFnTable(){let{head:e,base:t}=this.fnTotals,n=this.fnFilter.value.toLowerCase(),s=this.tree.head.sum||1,r=this.tree.base?.sum||1,i=[];for(let o=0;o<this.data.fnName.length;o++){let c=t?t.total[o]:0;if(e.total[o]===0&&c===0)continue;let l=this.name(o),h=this.loc(o);if(n&&!l.toLowerCase().includes(n)&&!h.toLowerCase().includes(n))continue;let u=t?t.self[o]:0,m=this.normalized?(e.self[o]/s-u/r)*100:e.self[o]-u,f=e.self[o]-u;i.push({f:o,name:l,loc:h,self:e.self[o],total:e.total[o],baseSelf:u,baseTotal:c,delta:m,deltaPct:u>0?f/u*100:f>0?1/0:0,status:this.status(o),codeLoad:this.codeLoad(o),kind:this.kindOf(o)})}this.fnTable.setColumns(this.fnColumns()),this.fnTable.setRows(i)}testColumns(){return Ae({diff:this.diff,alloc:this.metric==="alloc",fmt:e=>this.fmt(e),fmtSigned:e=>this.fmtSigned(e)})}renderTestTable(){this.data.tests.length&&this.testTable.setRows(Me(this.data,this.metric==="alloc"))}},je="CPU: judged on sampling and run-to-run noise. Code loading (a transform such as ts-jest, the module loader): how much of it a run does depends on scheduling and caches, so it is judged by its class\'s measured swing and never reported as a CPU regression. Blocked: a wait in a system call, not CPU.";function Le(a){let e=t=>`${t>=0?"+":"\\u2212"}${Math.abs(t).toFixed(1)}`;return`${e(a.pct)}% (${e(a.low)}..${e(a.high)})`}function qe(a){let e=(s,r)=>{let i=s.func[r.node];return{node:r.node,parent:s.parent[r.node],name:i<0?"all":a.name(i),file:i<0?"":a.file(i),depth:s.depth[r.node],parentName:s.parent[r.node]>=0&&s.func[s.parent[r.node]]>=0?a.name(s.func[s.parent[r.node]]):r.node===0?null:"all",x:r.x,y:r.y,w:r.w,h:r.h,color:r.color,matched:r.matched,status:i<0?0:a.status(i),codeLoad:i<0?"":a.codeLoad(i),headTotal:s.head.total[r.node],headSelf:s.head.self[r.node],baseTotal:s.base?s.base.total[r.node]:null}},t=s=>{if(!s)return[];let r=[];for(let i=s.kidsStart[0];i<s.kidsStart[1];i++){let o=s.kids[i];r.push({name:a.name(s.func[o]),headTotal:s.head.total[o],baseTotal:s.base?s.base.total[o]:null})}return r};Object.defineProperty(window,"__ciprof",{value:Object.freeze({ready:!0,state:()=>({tab:a.tab,x0:a.main.x0,x1:a.main.x1,rootWidth:a.tree.w[0],search:a.searchText,matchedFrames:a.matchedFrames,matchShare:a.matchShare,selected:a.selected>=0?a.name(a.selected):null,testFilter:a.testFilter>=0?{file:a.data.tests[a.testFilter].file,name:a.data.tests[a.testFilter].name}:null,diff:a.diff,metric:a.metric,allocAvailable:a.data.head.alloc!==null,normalized:a.normalized,headSum:a.tree.head.sum,baseSum:a.tree.base?a.tree.base.sum:null,nodes:a.tree.n,lastDrawMs:a.main.lastDrawMs,firstPaintMs:a.firstPaintMs}),frames:()=>a.main.drawn.map(s=>e(a.tree,s)),sandwich:()=>{let s=a.selected;if(s<0)return null;let r=a.callersTree,i=a.calleesTree;return{name:a.name(s),total:a.fnTotals.head.total[s],self:a.fnTotals.head.self[s],callersRootTotal:r?r.head.total[0]:0,calleesRootTotal:i?i.head.total[0]:0,callers:t(r),callees:t(i)}},functions:()=>a.fnTable.shown.map(s=>({name:s.name,loc:s.loc,self:s.self,total:s.total,baseSelf:s.baseSelf,delta:s.delta,status:s.status,codeLoad:s.codeLoad,kind:s.kind,statusText:a.fnStatusText(s.f)})),tests:()=>a.testTable.shown.map(s=>({...s}))}),configurable:!1,writable:!1})}async function Ge(){try{let a=JSON.parse(R("ciprof-data").textContent??"{}"),e=await we(a),t=new he(e);t.main.draw(),requestAnimationFrame(()=>setTimeout(()=>{t.firstPaintMs=performance.now(),qe(t)},0))}catch(a){let e=R("error");e.style.display="block",e.textContent=`Could not read the report data: ${a.message}`}}Ge();})();\n';
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
.st-regression { color:#cf222e; } .st-improvement { color:#0969da; } .st-codeload { color:#8250df; } .st-noise, .st-none { color:var(--muted); }
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
  writeFileAtomic(options.output, html, { durable: false });
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

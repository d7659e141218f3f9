import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  makeDirs
} from "./chunk-MIHNHIUD.js";
import {
  functionKey,
  timeValueIndex
} from "./chunk-VYVC6F5W.js";
import {
  writeFileAtomic
} from "./chunk-2UXSF32T.js";
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
function buildReportData(head, base, diff, title = "ciprof report") {
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
  const testOf = (labels) => {
    const file = labels[TEST_FILE];
    const name = labels[TEST_NAME];
    if (file === void 0 && name === void 0) return -1;
    const key = `${file ?? ""}\0${name ?? ""}`;
    let id = testIds.get(key);
    if (id === void 0) {
      id = tests.length;
      tests.push([str(String(file ?? "")), str(String(name ?? ""))]);
      testIds.set(key, id);
    }
    return id;
  };
  const addSide = (p) => {
    const fnMap = mapFunctions(p);
    const vi = timeValueIndex(p);
    const out = { node: [], test: [], valueUs: [] };
    const aggIndex = /* @__PURE__ */ new Map();
    for (const s of p.samples) {
      let node = 0;
      for (let i = s.stack.length - 1; i >= 0; i--) node = child(node, fnMap[s.stack[i]]);
      const test = testOf(s.labels);
      const key = `${node},${test}`;
      const v = (s.values[vi] ?? 0) / 1e3;
      const at = aggIndex.get(key);
      if (at === void 0) {
        aggIndex.set(key, out.node.length);
        out.node.push(node);
        out.test.push(test);
        out.valueUs.push(v);
      } else out.valueUs[at] += v;
    }
    return out;
  };
  const headRaw = addSide(head);
  const baseRaw = base ? addSide(base) : void 0;
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
    return { node: order.map((i) => newId[raw.node[i]]), test: order.map((i) => raw.test[i]), valueUs: order.map((i) => Math.round(raw.valueUs[i])) };
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
    intervals: (diff?.functions ?? []).filter((d) => d.interval && fnIds.has(d.key) && Number.isFinite(d.adjustedPct)).map((d) => [fnIds.get(d.key), round1(d.adjustedPct), round1(d.interval.lowPct), round1(d.interval.highPct)])
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
  if (true) return '"use strict";(()=>{var G=r=>r%2===0?r/2:-(r+1)/2;var U=class{constructor(t,e){this.buf=t;this.pos=e}buf;pos;read(){let t=0,e=1;for(;;){let n=this.buf[this.pos++];if(n===void 0)throw new Error("report data truncated");if(t+=(n&127)*e,n<128)return t;e*=128}}array(t,e){let n=0;for(let s=0;s<t.length;s++){let a=this.read();n=e?e(a,s,n):a,t[s]=n}return t}};var $=typeof matchMedia=="function"&&matchMedia("(prefers-color-scheme: dark)").matches;function Te(r){let t=2166136261;for(let e=0;e<r.length;e++)t=Math.imul(t^r.charCodeAt(e),16777619);return t>>>0}var Y=$?38:72;function J(r,t){let n=Te(r)%1e3/1e3;return t?t.startsWith("node:")?`hsl(${200+n*30} 35% ${Y+($?0:4)}%)`:t.includes("node_modules/")?`hsl(${45+n*15} 70% ${Y}%)`:`hsl(${10+n*30} 80% ${Y-($?0:4)}%)`:`hsl(0 0% ${$?32:78}%)`}var Q=$?"hsl(220 6% 34%)":"hsl(220 6% 80%)";function P(r,t){let e=Math.min(1,Math.max(.35,Math.abs(t)));return r===2?$?`hsl(0 ${45+35*e}% ${30+12*e}%)`:`hsl(0 ${55+35*e}% ${82-22*e}%)`:r===3?$?`hsl(215 ${45+35*e}% ${30+12*e}%)`:`hsl(215 ${55+35*e}% ${82-22*e}%)`:Q}var oe=$?"#e6edf3":"#1f2328",le=$?"#e3b341":"#bf8700",ce=$?"#ffffff":"#1f2328",he=.22;var F=18,ue=.5,ge="11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace",H=class{constructor(t,e,n=!1){this.hooks=e;this.inverted=n;this.scroller=document.createElement("div"),this.scroller.className="scroller",this.canvas=document.createElement("canvas"),this.spacer=document.createElement("div"),this.scroller.append(this.canvas,this.spacer),t.append(this.scroller),this.ctx=this.canvas.getContext("2d",{alpha:!1}),this.scroller.addEventListener("scroll",()=>this.requestDraw()),this.canvas.addEventListener("mousemove",s=>this.hooks.onHover(this.hit(s),s)),this.canvas.addEventListener("mouseleave",()=>this.hooks.onHover(-1,null)),this.canvas.addEventListener("click",s=>{let a=this.hit(s);a>=0&&this.hooks.onClick(a)}),new ResizeObserver(()=>this.requestDraw()).observe(this.scroller)}hooks;inverted;scroller;canvas;spacer;ctx;tree=null;x0=0;x1=1;anim=0;pending=0;charW=6.6;drawn=[];lastDrawMs=0;setTree(t,e=!1){let n=this.tree;this.tree=t,(!e||!n)&&this.resetView(!1),this.spacer.style.height=`${(t.maxDepth+1)*F+8}px`,this.requestDraw(),this.inverted&&requestAnimationFrame(()=>this.scroller.scrollTop=this.scroller.scrollHeight)}getTree(){return this.tree}resetView(t=!0){let e=this.tree;this.setView(0,e?Math.max(e.w[0],Number.MIN_VALUE):1,t)}zoomTo(t,e=!0){let n=this.tree;if(!(!n||t<0||n.w[t]<=0)&&(this.setView(n.x[t],n.x[t]+n.w[t],e),!this.inverted)){let s=n.depth[t]*F;(s<this.scroller.scrollTop||s>this.scroller.scrollTop+this.scroller.clientHeight-F)&&(this.scroller.scrollTop=Math.max(0,s-F*2))}}setView(t,e,n){if(cancelAnimationFrame(this.anim),!n){this.x0=t,this.x1=e,this.requestDraw();return}let s=this.x0,a=this.x1,i=performance.now(),o=c=>{let l=Math.min(1,(c-i)/150),h=1-(1-l)*(1-l);this.x0=s+(t-s)*h,this.x1=a+(e-a)*h,this.draw(),l<1&&(this.anim=requestAnimationFrame(o))};this.anim=requestAnimationFrame(o)}requestDraw(){this.pending||(this.pending=requestAnimationFrame(()=>{this.pending=0,this.draw()}))}rowY(t,e){return this.inverted?(e-t)*F:t*F}draw(){let t=performance.now(),e=this.tree,n=this.scroller.clientWidth,s=this.scroller.clientHeight;if(!e||n===0||s===0)return;let a=window.devicePixelRatio||1;(this.canvas.width!==Math.round(n*a)||this.canvas.height!==Math.round(s*a))&&(this.canvas.width=Math.round(n*a),this.canvas.height=Math.round(s*a),this.canvas.style.width=`${n}px`,this.canvas.style.height=`${s}px`,this.canvas.style.marginBottom=`${-s}px`);let i=this.ctx;i.setTransform(a,0,0,a,0,0),i.fillStyle=getComputedStyle(document.body).backgroundColor||"#fff",i.fillRect(0,0,n,s),i.font=ge,i.textBaseline="middle",this.charW=i.measureText("abcdefghij").width/10;let o=this.scroller.scrollTop,c=n/(this.x1-this.x0||1),l=ue/c,h=this.hooks.matches(),u=this.hooks.selectedFunc(),d=[],{order:m,skip:p,x:M,w:x,depth:T,func:v,maxDepth:k}=e,f=this.x0,g=this.x1;for(let S=0;S<e.n;){let A=m[S],C=M[A],N=x[A];if(N<l||C>=g||C+N<=f){S=p[S];continue}let w=this.rowY(T[A],k)-o;if(this.inverted?w+F<0:w>s){S=p[S];continue}if(S++,w+F<0||w>s)continue;let E=Math.max(0,(C-f)*c),L=Math.min(n,(C+N-f)*c)-E,_=v[A],q=h!==null&&_>=0&&h[_]===1,re=this.hooks.color(A);if(i.globalAlpha=h!==null&&!q?he:1,i.fillStyle=re,i.fillRect(E,w,Math.max(L-(L>3?1:0),ue),F-1),L>this.charW*3){let j=this.hooks.label(A),ie=Math.floor((L-6)/this.charW),we=j.length<=ie?j:`${j.slice(0,Math.max(0,ie-1))}\\u2026`;i.fillStyle=oe,i.fillText(we,E+3,w+F/2)}i.globalAlpha=1,(q||u>=0&&_===u)&&(i.strokeStyle=_===u?ce:le,i.lineWidth=_===u?2:1.5,i.strokeRect(E+.75,w+.75,Math.max(L-2.5,.5),F-2.5)),d.push({node:A,x:E,y:w,w:L,h:F-1,color:re,matched:q})}this.drawn=d,this.lastDrawMs=performance.now()-t}hit(t){let e=this.tree;if(!e)return-1;let n=this.canvas.getBoundingClientRect(),s=t.clientX-n.left,a=t.clientY-n.top+this.scroller.scrollTop,i=this.inverted?e.maxDepth-Math.floor(a/F):Math.floor(a/F),o=this.x0+s/n.width*(this.x1-this.x0);if(i<0||o<0||o>=e.w[0])return-1;let c=0;for(let l=0;l<i;l++){let h=-1;for(let u=e.kidsStart[c];u<e.kidsStart[c+1];u++){let d=e.kids[u];if(o>=e.x[d]&&o<e.x[d]+e.w[d]){h=d;break}}if(h<0)return-1;c=h}return e.w[c]>0?c:-1}};function ve(r){let t=atob(r),e=new Uint8Array(t.length);for(let n=0;n<t.length;n++)e[n]=t.charCodeAt(n);return e}async function xe(r){let t=new Blob([r]).stream().pipeThrough(new DecompressionStream("gzip"));return new Uint8Array(await new Response(t).arrayBuffer())}function Se(r){let t=new Int32Array(r.length),e=[];for(let n=0;n<r.length;n++){let s=r[n];t[n]=s===0?-1:e[s-1],e[s]=n}return t}async function de(r){let t=await xe(ve(r.blob)),e=new DataView(t.buffer,t.byteOffset).getUint32(0,!0),n=JSON.parse(new TextDecoder().decode(t.subarray(4,4+e)));if(n.v!==2)throw new Error(`report data version ${n.v}, page expects ${2}`);let s=new U(t,4+e),a=n.functions,i=s.array(new Int32Array(a)),o=s.array(new Int32Array(a)),c=s.array(new Int32Array(a)),l=s.array(new Uint8Array(a)),h=Se(s.array(new Int32Array(n.nodes),(T,v,k)=>k+G(T))),u=s.array(new Int32Array(n.nodes),T=>T-1),d=T=>({node:s.array(new Int32Array(T),(v,k,f)=>f+G(v)),test:s.array(new Int32Array(T),v=>v-1),value:s.array(new Float64Array(T),v=>v*1e3)}),m=d(n.headSamples),p=n.baseSamples>=0?d(n.baseSamples):null,M=n.tests.map(([T,v])=>({file:n.strings[T]??"",name:n.strings[v]??""})),x=new Map((n.intervals??[]).map(([T,v,k,f])=>[T,{pct:v,low:k,high:f}]));return{meta:r.meta,strings:n.strings,fnName:i,fnFile:o,fnLine:c,fnStatus:l,fnInterval:x,parent:h,func:u,head:m,base:p,tests:M}}function b(r){let t=r/1e6;return Math.abs(t)>=1e4?`${(t/1e3).toFixed(1)} s`:Math.abs(t)>=1e3?`${(t/1e3).toFixed(2)} s`:`${t.toFixed(Math.abs(t)>=100?0:1)} ms`}function D(r){return`${r>0?"+":r<0?"\\u2212":"\\xB1"}${b(Math.abs(r))}`}function R(r,t){if(!t)return"0%";let e=r/t*100;return`${e>=10?e.toFixed(1):e.toFixed(2)}%`}function O(r){return Number.isFinite(r)?`${r>0?"+":r<0?"\\u2212":"\\xB1"}${Math.abs(r).toFixed(1)}%`:r>0?"new":"\\u2014"}function Z(r){return`${r>0?"+":r<0?"\\u2212":"\\xB1"}${Math.abs(r).toFixed(2)} pp`}function fe(r,t,e){let n=r.meta,s=n.head;t.title.textContent=n.title,document.title=n.title;let a=[],i=l=>l&&/^[0-9a-f]{40}$/.test(l)?l.slice(0,10):l;s.commit&&a.push(["commit",i(s.commit)]),s.branch&&a.push(["branch",s.branch]);let o=n.base?.commit??s.base_commit;o&&a.push(["base commit",i(o)]),n.base?.branch&&a.push(["base branch",n.base.branch]),s.job_key&&a.push(["job",s.job_key]),s.processes&&a.push(["processes profiled",s.processes]),s.threads&&a.push(["threads",s.threads+(s.lost_threads&&s.lost_threads!=="0"?` (${s.lost_threads} lost)`:"")]),s.wall_ms&&a.push(["wall",b(Number(s.wall_ms)*1e6)]);let c=n.valueType==="wall"?"wall":"CPU";if(r.base&&e.base!==null&&n.diff){let l=n.diff;a.push([`suite ${c}`,`${b(l.baseCpuNs)} \\u2192 ${b(l.headCpuNs)} (${D(l.suite.deltaNs)}, ${O(l.suite.deltaPct)})`]);let h=l.verdict==="regression"?`${l.regressions} slower function(s)`:l.verdict==="improvement"?`${l.improvements} faster function(s)`:"no significant change";a.push(["verdict",h,`verdict-${l.verdict}`])}else a.push([`sampled ${c}`,b(e.head-e.idleHead)]);e.idleHead>0&&a.push(["idle",b(e.idleHead)]),s.command&&a.push(["command",s.command]),t.facts.replaceChildren(...a.map(([l,h,u])=>{let d=document.createElement("span");d.append(`${l}: `);let m=document.createElement("b");return m.textContent=h,u&&(m.className=u),d.append(m),d}))}function ee(r,t,e){let n=r.length,s=new Float64Array(n);for(let a=0;a<t.node.length;a++)e>=0&&t.test[a]!==e||(s[t.node[a]]+=t.value[a]);return z(r,s)}function z(r,t){let e=Float64Array.from(t);for(let n=e.length-1;n>0;n--){let s=r[n];s>=0&&(e[s]+=e[n])}return{self:t,total:e,sum:e.length?e[0]:0}}function te(r,t,e){let n=r.total.length,s=new Float64Array(n);if(!t||e==="head")s.set(r.total);else if(e==="sum")for(let a=0;a<n;a++)s[a]=r.total[a]+t.total[a];else{let a=r.sum||1,i=t.sum||1;for(let o=0;o<n;o++)s[o]=r.total[o]/a+t.total[o]/i}return s}function se(r,t,e,n,s,a){let i=r.length,o=new Int32Array(i+1);for(let f=1;f<i;f++)o[r[f]+1]++;for(let f=0;f<i;f++)o[f+1]+=o[f];let c=o.slice(0,i),l=new Int32Array(Math.max(0,i-1));for(let f=1;f<i;f++)l[c[r[f]]++]=f;for(let f=0;f<i;f++){let g=o[f],S=o[f+1];S-g>1&&l.subarray(g,S).sort((A,C)=>s[C]-s[A]||A-C)}let h=new Float64Array(i),u=new Int32Array(i),d=new Int32Array(i),m=new Int32Array(i),p=new Uint8Array(i),M=new Int32Array(a+1),x=0,T=[0],v=new Int32Array(i),k=0;for(;T.length;){let f=T.pop();if(f<0){let w=~f;m[v[w]]=k,t[w]>=0&&M[t[w]]--;continue}let g=f;v[g]=k,d[k++]=g;let S=t[g];S>=0&&(p[g]=M[S]===0?1:0,M[S]++),u[g]>x&&(x=u[g]),T.push(~g);let A=h[g],C=o[g],N=o[g+1];for(let w=C;w<N;w++){let E=l[w];h[E]=A,A+=s[E],u[E]=u[g]+1}for(let w=N-1;w>=C;w--)T.push(l[w])}return{n:i,func:t,parent:r,depth:u,maxDepth:x,head:e,base:n,x:h,w:s,order:d,skip:m,kidsStart:o,kids:l,outermost:p}}function ne(r,t,e){let n=new Float64Array(e),s=new Float64Array(e);for(let a=1;a<r.n;a++){let i=r.func[a];i<0||(n[i]+=t.self[a],r.outermost[a]&&(s[i]+=t.total[a]))}return{self:n,total:s}}var W=class{parent;func;headSelf=[0];baseSelf=[0];ids=new Map;constructor(t){this.parent=[-1],this.func=[t]}child(t,e){let n=`${t},${e}`,s=this.ids.get(n);return s===void 0&&(s=this.parent.length,this.parent.push(t),this.func.push(e),this.headSelf.push(0),this.baseSelf.push(0),this.ids.set(n,s)),s}build(t){let e=Int32Array.from(this.parent);return{parent:e,func:Int32Array.from(this.func),head:z(e,Float64Array.from(this.headSelf)),base:t?z(e,Float64Array.from(this.baseSelf)):null}}};function be(r,t){let e=new W(t),n=new W(t),s=r.base;for(let a=1;a<r.n;a++){if(r.func[a]!==t||!r.outermost[a])continue;let i=r.head.total[a],o=s?s.total[a]:0;if(i===0&&o===0)continue;let c=0;for(let h=r.parent[a];h>0;h=r.parent[h])c=e.child(c,r.func[h]);e.headSelf[c]+=i,e.baseSelf[c]+=o,n.headSelf[0]+=r.head.self[a],n.baseSelf[0]+=s?s.self[a]:0;let l=[[a,0]];for(;l.length;){let[h,u]=l.pop();for(let d=r.kidsStart[h];d<r.kidsStart[h+1];d++){let m=r.kids[d],p=r.head.total[m],M=s?s.total[m]:0;if(p===0&&M===0)continue;let x=n.child(u,r.func[m]);n.headSelf[x]+=r.head.self[m],n.baseSelf[x]+=s?s.self[m]:0,l.push([m,x])}}}return{func:t,callers:e.build(!!s),callees:n.build(!!s)}}var V=class{constructor(t,e,n){this.columns=t;this.onClick=n;this.sortCol=e,this.el=document.createElement("div"),this.el.className="tablewrap",this.note=document.createElement("div"),this.note.className="empty"}columns;onClick;el;note;sortCol;desc=!0;rows=[];shown=[];setColumns(t){this.columns=t,this.sortCol=Math.min(this.sortCol,t.length-1)}setRows(t){this.rows=t,this.render()}sortBy(t){t===this.sortCol?this.desc=!this.desc:(this.sortCol=t,this.desc=typeof this.columns[t].key(this.rows[0])=="number"),this.render()}render(){let t=this.columns[this.sortCol],e=[...this.rows].sort((i,o)=>{let c=t.key(i),l=t.key(o),h=typeof c=="number"&&typeof l=="number"?c-l:String(c).localeCompare(String(l));return this.desc?-h:h});this.shown=e.slice(0,500);let n=document.createElement("table"),s=n.createTHead().insertRow();this.columns.forEach((i,o)=>{let c=document.createElement("th");c.textContent=i.label+(o===this.sortCol?this.desc?" \\u25BE":" \\u25B4":""),i.left&&(c.className="l"),i.title&&(c.title=i.title),c.addEventListener("click",()=>this.sortBy(o)),s.append(c)});let a=n.createTBody();for(let i of this.shown){let o=a.insertRow();for(let c of this.columns){let l=o.insertCell();l.textContent=c.text(i);let h=[c.left?"l":"",c.cls?c.cls(i):""].filter(Boolean).join(" ");h&&(l.className=h),c.left&&(l.title=l.textContent)}o.addEventListener("click",c=>this.onClick(i,c))}this.note.textContent=e.length>500?`Showing 500 of ${e.length} rows; filter to narrow.`:e.length===0?"No rows.":"",this.el.replaceChildren(n,this.note)}};var pe=["","within noise","slower","faster"],B=["st-none","st-noise","st-regression","st-improvement"],I=r=>document.getElementById(r),y=(r,t={},...e)=>{let n=Object.assign(document.createElement(r),t);return n.append(...e),n},ae=class{constructor(t){this.data=t;this.diff=t.base!==null;let e=(u,d)=>({color:m=>this.colorOf(u(),m),label:m=>this.labelOf(u(),m),matches:()=>this.matchFlags,selectedFunc:()=>d?-1:this.selected,onHover:(m,p)=>this.hover(u(),m,p),onClick:m=>{let p=u();d?p.func[m]>=0&&this.select(p.func[m]):m===0?this.main.resetView():(this.main.zoomTo(m),this.selected=p.func[m],this.refreshSandwich())}}),n=I("views"),s=this.view("flame","Flame graph");this.main=new H(s,e(()=>this.tree,!1));let a=this.view("sandwich","Sandwich"),i=y("div",{className:"sandwich"}),o=y("div",{className:"half"},y("h2",{textContent:"Callers (who calls it, merged; the function is the bottom row)"})),c=y("div",{className:"half"},y("h2",{textContent:"Callees (what it calls, merged)"}));i.append(this.sandwichTitle,o,c),a.append(i),this.callers=new H(o,e(()=>this.callersTree,!0),!0),this.callees=new H(c,e(()=>this.calleesTree,!0));let l=this.view("functions","Functions");this.fnTable=new V(this.fnColumns(),2,(u,d)=>{d.target.closest("td")?.cellIndex===0&&d.altKey?this.select(u.f,"sandwich"):this.select(u.f,"flame")}),l.append(this.fnTable.el),this.testTable=new V(this.testColumns(),this.diff?4:2,u=>this.setTestFilter(u.t)),t.tests.length&&this.view("tests","Tests").append(this.testTable.el),n.append(...this.views.values()),this.toolbar(),this.keys(),this.recompute();let h=this.idle();fe(t,{title:I("title"),facts:I("facts")},{head:this.tree.head.sum,base:this.tree.base?.sum??null,idleHead:h.head,idleBase:h.base}),this.showTab("flame")}data;diff;tab="flame";testFilter=-1;normalized=!1;searchText="";matchFlags=null;matchedFrames=0;matchShare=0;selected=-1;tree;fnTotals;firstPaintMs=-1;main;callers;callees;fnTable;testTable;views=new Map;tabButtons=new Map;tooltip=I("tooltip");info=y("span",{className:"info"});chip=y("span",{className:"chip"});search=y("input",{type:"search",placeholder:"Search functions (regex)  /",spellcheck:!1});fnFilter=y("input",{type:"text",placeholder:"Filter functions",spellcheck:!1});sandwichTitle=y("div",{className:"empty"});callersTree=null;calleesTree=null;view(t,e){let n=y("section",{className:"view"});n.dataset.view=t,this.views.set(t,n);let s=y("button",{className:"tab",textContent:e});return s.dataset.tab=t,s.addEventListener("click",()=>this.showTab(t)),this.tabButtons.set(t,s),I("tabs").append(s),n}showTab(t){this.tab=t;for(let[e,n]of this.views)n.classList.toggle("active",e===t);for(let[e,n]of this.tabButtons)n.setAttribute("aria-selected",String(e===t));t==="flame"&&this.main.requestDraw(),t==="sandwich"&&(this.callers.requestDraw(),this.callees.requestDraw()),this.fnFilter.style.display=t==="functions"?"":"none"}toolbar(){let t=I("toolbar");this.search.addEventListener("input",()=>this.setSearch(this.search.value)),this.fnFilter.addEventListener("input",()=>this.renderFnTable());let e=y("button",{className:"small",textContent:"Reset zoom",title:"Esc"});if(e.addEventListener("click",()=>this.main.resetView()),t.append(this.search,this.fnFilter,e),this.diff){let n=y("input",{type:"checkbox"});n.addEventListener("change",()=>{this.normalized=n.checked,this.recompute(!0)});let s=y("span",{className:"legend info"});for(let[a,i]of[[P(2,1),"slower"],[P(3,1),"faster"],[Q,"within noise"]]){let o=y("span");o.style.background=a,s.append(o,i)}t.append(y("label",{className:"info"},n," normalized to suite total"),s,y("span",{className:"info",textContent:"\\xB7 width = base + head"}))}this.chip.style.display="none",t.append(this.chip,this.info)}keys(){document.addEventListener("keydown",t=>{let e=t.target instanceof HTMLInputElement;t.key==="/"&&!e?(t.preventDefault(),this.tab!=="flame"&&this.tab!=="sandwich"&&this.showTab("flame"),this.search.focus(),this.search.select()):t.key==="Escape"&&(e&&t.target.blur(),this.main.resetView())})}recompute(t=!1){let e=this.data,n=ee(e.parent,e.head,this.testFilter),s=e.base?ee(e.parent,e.base,this.testFilter):null,a=te(n,s,this.normalized?"normalized":"sum"),i=e.fnName.length;this.tree=se(e.parent,e.func,n,s,a,i),this.fnTotals={head:ne(this.tree,n,i),base:s?ne(this.tree,s,i):null},this.main.setTree(this.tree,t),this.setSearch(this.searchText),this.refreshSandwich(),this.renderFnTable(),this.renderTestTable()}idle(){let t=-1;for(let e=0;e<this.data.fnName.length;e++)this.name(e)==="(idle)"&&this.file(e)===""&&(t=e);return t<0?{head:0,base:this.diff?0:null}:{head:this.fnTotals.head.self[t],base:this.fnTotals.base?this.fnTotals.base.self[t]:null}}name(t){return this.data.strings[this.data.fnName[t]]??""}file(t){return this.data.strings[this.data.fnFile[t]]??""}loc(t){let e=this.file(t);return e?`${e}:${this.data.fnLine[t]}`:""}labelOf(t,e){let n=t.func[e];return n<0?`all (${b(t.head.sum)}${t.base?` head, ${b(t.base.sum)} base`:""})`:this.name(n)}change(t,e){if(!t.base)return 0;let n=t.head.total[e],s=t.base.total[e];this.normalized&&(n/=this.tree.head.sum||1,s/=this.tree.base.sum||1);let a=Math.max(n,s);return a>0?(n-s)/a:0}colorOf(t,e){let n=t.func[e];return this.diff?P(n<0?1:this.data.fnStatus[n],this.change(t,e)):n<0?J("all",""):J(this.name(n),this.file(n))}hover(t,e,n){let s=this.tooltip;if(!t||e<0||!n){s.style.display="none";return}let a=t.func[e],i=this.tree.head.sum,o=[],c=a<0?"all":this.name(a),l=a<0?"":this.loc(a),h=this.diff?"head ":"";if(o.push([`${h}total`,`${b(t.head.total[e])} (${R(t.head.total[e],i)} of suite)`]),o.push([`${h}self`,`${b(t.head.self[e])} (${R(t.head.self[e],i)})`]),t.base){let m=this.tree.base.sum;o.push(["base total",`${b(t.base.total[e])} (${R(t.base.total[e],m)} of suite)`]),o.push(["base self",b(t.base.self[e])]);let p=t.head.total[e]-t.base.total[e],M=(t.head.total[e]/(i||1)-t.base.total[e]/(m||1))*100;o.push(["\\u0394 total",this.normalized?Z(M):`${D(p)} (${O(t.base.total[e]>0?p/t.base.total[e]*100:p>0?1/0:0)})`]),a>=0&&o.push(["status (self)",pe[this.data.fnStatus[a]]||"not tested (too few samples)"]);let x=a>=0?this.data.fnInterval.get(a):void 0;x&&o.push(["speed-adjusted \\u0394 self",ye(x)]),t.base.total[e]===0?o.push(["","only in head"]):t.head.total[e]===0&&o.push(["","only in base"])}s.replaceChildren(y("div",{className:"name",textContent:c}),...l?[y("div",{className:"loc",textContent:l})]:[],...o.map(([m,p])=>y("div",{textContent:m?`${m}: ${p}`:p}))),s.style.display="block";let u=Math.min(n.clientX+14,window.innerWidth-s.offsetWidth-8),d=n.clientY+16+s.offsetHeight>window.innerHeight?n.clientY-s.offsetHeight-8:n.clientY+16;s.style.left=`${Math.max(0,u)}px`,s.style.top=`${Math.max(0,d)}px`}setSearch(t){this.searchText=t;let e=this.data.fnName.length;if(!t)this.matchFlags=null,this.matchedFrames=0,this.matchShare=0,this.info.textContent="";else{let n;try{n=new RegExp(t,"i")}catch{n=new RegExp(t.replace(/[.*+?^${}()|[\\]\\\\]/g,"\\\\$&"),"i")}let s=new Uint8Array(e);for(let l=0;l<e;l++)n.test(this.name(l))&&(s[l]=1);this.matchFlags=s;let a=this.tree,i=0,o=0,c=-1;for(let l=0;l<a.n;l++){let h=a.order[l],u=a.func[h];u<0||!s[u]||a.w[h]<=0||(i++,l>=c&&(o+=a.head.total[h],c=a.skip[l]))}this.matchedFrames=i,this.matchShare=a.head.sum>0?o/a.head.sum:0,this.info.textContent=`${i} matching frame(s), ${(this.matchShare*100).toFixed(1)}% of ${this.diff?"head ":""}total (${b(o)})`}this.main.requestDraw(),this.callers.requestDraw(),this.callees.requestDraw()}select(t,e){if(this.selected=t,this.refreshSandwich(),e==="flame"){this.showTab("flame");let n=-1;for(let s=1;s<this.tree.n;s++)this.tree.func[s]===t&&(n<0||this.tree.w[s]>this.tree.w[n])&&(n=s);n>=0&&this.main.zoomTo(n)}else e==="sandwich"&&this.showTab("sandwich");this.main.requestDraw()}refreshSandwich(){let t=this.selected;if(t<0){this.sandwichTitle.textContent="Click a frame in the flame graph (or a row of the Functions table) to see its callers and callees here.";return}let e=be(this.tree,t),n=this.data.fnName.length,s=this.normalized?"normalized":"sum",a=l=>se(l.parent,l.func,l.head,l.base,te(l.head,l.base,s),n);this.callersTree=a(e.callers),this.calleesTree=a(e.callees),this.callers.setTree(this.callersTree),this.callees.setTree(this.calleesTree);let i=this.fnTotals.head,o=this.loc(t),c=`${this.name(t)}${o?`  ${o}`:""} \\u2014 total ${b(i.total[t])} (${R(i.total[t],this.tree.head.sum)}), self ${b(i.self[t])}`;this.fnTotals.base&&(c+=` \\xB7 base total ${b(this.fnTotals.base.total[t])}, self ${b(this.fnTotals.base.self[t])}`),this.sandwichTitle.textContent=c}setTestFilter(t){if(this.testFilter=t,this.chip.replaceChildren(),t>=0){let e=this.data.tests[t],n=y("button",{textContent:"\\u2715",title:"Show all tests"});n.addEventListener("click",()=>this.setTestFilter(-1)),this.chip.append(`test: ${e.file} \\u203A ${e.name} `,n),this.chip.style.display=""}else this.chip.style.display="none";this.recompute(),this.showTab("flame")}fnColumns(){let t=[{label:"Function",key:e=>e.name,text:e=>e.name,left:!0},{label:"Location",key:e=>e.loc,text:e=>e.loc,left:!0},{label:this.diff?"Head self":"Self",key:e=>e.self,text:e=>b(e.self)},{label:"Self %",key:e=>e.self,text:e=>R(e.self,this.tree.head.sum)},{label:this.diff?"Head total":"Total",key:e=>e.total,text:e=>b(e.total),title:"Recursion counted once"},{label:"Total %",key:e=>e.total,text:e=>R(e.total,this.tree.head.sum)}];return this.diff&&t.push({label:"Base self",key:e=>e.baseSelf,text:e=>b(e.baseSelf)},{label:"\\u0394 self",key:e=>Math.abs(e.delta),text:e=>this.normalized?Z(e.delta):D(e.delta),cls:e=>B[e.status]},{label:"\\u0394 %",key:e=>Number.isFinite(e.deltaPct)?e.deltaPct:1e9,text:e=>O(e.deltaPct),cls:e=>B[e.status]},{label:"Adj. \\u0394 (95% CI)",key:e=>this.data.fnInterval.get(e.f)?.pct??-1e9,text:e=>{let n=this.data.fnInterval.get(e.f);return n?ye(n):""},cls:e=>B[e.status],title:"Self-time change adjusted for the run\'s overall speed, with its 95% interval (the PR comment\'s numbers)"},{label:"Status",key:e=>e.status,text:e=>pe[e.status],cls:e=>B[e.status]}),t}renderFnTable(){let{head:t,base:e}=this.fnTotals,n=this.fnFilter.value.toLowerCase(),s=this.tree.head.sum||1,a=this.tree.base?.sum||1,i=[];for(let o=0;o<this.data.fnName.length;o++){let c=e?e.total[o]:0;if(t.total[o]===0&&c===0)continue;let l=this.name(o),h=this.loc(o);if(n&&!l.toLowerCase().includes(n)&&!h.toLowerCase().includes(n))continue;let u=e?e.self[o]:0,d=this.normalized?(t.self[o]/s-u/a)*100:t.self[o]-u,m=t.self[o]-u;i.push({f:o,name:l,loc:h,self:t.self[o],total:t.total[o],baseSelf:u,baseTotal:c,delta:d,deltaPct:u>0?m/u*100:m>0?1/0:0,status:this.data.fnStatus[o]})}this.fnTable.setColumns(this.fnColumns()),this.fnTable.setRows(i)}testColumns(){let t=[{label:"Test file",key:e=>e.file,text:e=>e.file,left:!0},{label:"Test",key:e=>e.name,text:e=>e.name,left:!0},{label:this.diff?"Head":"Time",key:e=>e.head,text:e=>b(e.head)}];return this.diff&&t.push({label:"Base",key:e=>e.base,text:e=>b(e.base)},{label:"\\u0394",key:e=>Math.abs(e.delta),text:e=>D(e.delta),cls:e=>e.delta>0?"st-regression":e.delta<0?"st-improvement":""},{label:"\\u0394 %",key:e=>e.delta/(e.base||1),text:e=>O(e.base>0?e.delta/e.base*100:e.delta>0?1/0:0)}),t}renderTestTable(){let t=this.data;if(!t.tests.length)return;let e=a=>{let i=new Float64Array(t.tests.length);if(a)for(let o=0;o<a.test.length;o++)a.test[o]>=0&&(i[a.test[o]]+=a.value[o]);return i},n=e(t.head),s=e(t.base);this.testTable.setRows(t.tests.map((a,i)=>({t:i,file:a.file,name:a.name,head:n[i],base:s[i],delta:n[i]-s[i]})))}};function ye(r){let t=e=>`${e>=0?"+":"\\u2212"}${Math.abs(e).toFixed(1)}`;return`${t(r.pct)}% (${t(r.low)}..${t(r.high)})`}function Ae(r){let t=(s,a)=>{let i=s.func[a.node];return{node:a.node,parent:s.parent[a.node],name:i<0?"all":r.name(i),file:i<0?"":r.file(i),depth:s.depth[a.node],parentName:s.parent[a.node]>=0&&s.func[s.parent[a.node]]>=0?r.name(s.func[s.parent[a.node]]):a.node===0?null:"all",x:a.x,y:a.y,w:a.w,h:a.h,color:a.color,matched:a.matched,status:i<0?0:r.data.fnStatus[i],headTotal:s.head.total[a.node],headSelf:s.head.self[a.node],baseTotal:s.base?s.base.total[a.node]:null}},e=s=>{if(!s)return[];let a=[];for(let i=s.kidsStart[0];i<s.kidsStart[1];i++){let o=s.kids[i];a.push({name:r.name(s.func[o]),headTotal:s.head.total[o],baseTotal:s.base?s.base.total[o]:null})}return a};Object.defineProperty(window,"__ciprof",{value:Object.freeze({ready:!0,state:()=>({tab:r.tab,x0:r.main.x0,x1:r.main.x1,rootWidth:r.tree.w[0],search:r.searchText,matchedFrames:r.matchedFrames,matchShare:r.matchShare,selected:r.selected>=0?r.name(r.selected):null,testFilter:r.testFilter>=0?r.data.tests[r.testFilter]:null,diff:r.diff,normalized:r.normalized,headSum:r.tree.head.sum,baseSum:r.tree.base?r.tree.base.sum:null,nodes:r.tree.n,lastDrawMs:r.main.lastDrawMs,firstPaintMs:r.firstPaintMs}),frames:()=>r.main.drawn.map(s=>t(r.tree,s)),sandwich:()=>{let s=r.selected;if(s<0)return null;let a=r.callersTree,i=r.calleesTree;return{name:r.name(s),total:r.fnTotals.head.total[s],self:r.fnTotals.head.self[s],callersRootTotal:a?a.head.total[0]:0,calleesRootTotal:i?i.head.total[0]:0,callers:e(a),callees:e(i)}},functions:()=>r.fnTable.shown.map(s=>({name:s.name,loc:s.loc,self:s.self,total:s.total,baseSelf:s.baseSelf,delta:s.delta,status:s.status})),tests:()=>r.testTable.shown.map(s=>({file:s.file,name:s.name,head:s.head,base:s.base,delta:s.delta}))}),configurable:!1,writable:!1})}async function Me(){try{let r=JSON.parse(I("ciprof-data").textContent??"{}"),t=await de(r),e=new ae(t);e.main.draw(),requestAnimationFrame(()=>setTimeout(()=>{e.firstPaintMs=performance.now(),Ae(e)},0))}catch(r){let t=I("error");t.style.display="block",t.textContent=`Could not read the report data: ${r.message}`}}Me();})();\n';
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
  const data = buildReportData(head, base, base ? options.diff : void 0, options.title ?? defaultTitle(head));
  const blob = gzipSync(data.blob, { level: 9 }).toString("base64");
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

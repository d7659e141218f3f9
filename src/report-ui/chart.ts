/**
 * Canvas flame chart (icicle: root on top; or inverted for the callers half of the
 * sandwich). Only what is visible is drawn: subtrees outside the viewport or narrower
 * than half a pixel are skipped whole via the pre-order skip list, so a 100k-node tree
 * costs about as many rects as the screen can show. Labels are fillText, never HTML.
 */
import { DIM_ALPHA, HIGHLIGHT, SELECTED, TEXT_COLOR } from './colors.js';
import type { FlameTree } from './tree.js';

export const ROW = 18;
const MIN_PX = 0.5;
const FONT = '11px ui-monospace, SFMono-Regular, Menlo, Consolas, monospace';

export interface ChartHooks {
  color(node: number): string;
  label(node: number): string;
  /** Match flags per function (search), or null when no search. */
  matches(): Uint8Array | null;
  selectedFunc(): number;
  onHover(node: number, ev: MouseEvent | null): void;
  onClick(node: number): void;
}

export interface DrawnFrame {
  node: number;
  x: number;
  y: number;
  w: number;
  h: number;
  color: string;
  matched: boolean;
}

export class FlameChart {
  readonly scroller: HTMLDivElement;
  private readonly canvas: HTMLCanvasElement;
  private readonly spacer: HTMLDivElement;
  private readonly ctx: CanvasRenderingContext2D;
  private tree: FlameTree | null = null;
  /** Viewport in width units. */
  x0 = 0;
  x1 = 1;
  private anim = 0;
  private pending = 0;
  private charW = 6.6;
  drawn: DrawnFrame[] = [];
  lastDrawMs = 0;

  constructor(
    parent: HTMLElement,
    private readonly hooks: ChartHooks,
    private readonly inverted = false,
  ) {
    this.scroller = document.createElement('div');
    this.scroller.className = 'scroller';
    this.canvas = document.createElement('canvas');
    this.spacer = document.createElement('div');
    this.scroller.append(this.canvas, this.spacer);
    parent.append(this.scroller);
    this.ctx = this.canvas.getContext('2d', { alpha: false })!;
    this.scroller.addEventListener('scroll', () => this.requestDraw());
    this.canvas.addEventListener('mousemove', (ev) => this.hooks.onHover(this.hit(ev), ev));
    this.canvas.addEventListener('mouseleave', () => this.hooks.onHover(-1, null));
    this.canvas.addEventListener('click', (ev) => {
      const node = this.hit(ev);
      if (node >= 0) this.hooks.onClick(node);
    });
    new ResizeObserver(() => this.requestDraw()).observe(this.scroller);
  }

  setTree(tree: FlameTree, keepView = false): void {
    const old = this.tree;
    this.tree = tree;
    if (!keepView || !old) this.resetView(false);
    this.spacer.style.height = `${(tree.maxDepth + 1) * ROW + 8}px`;
    this.requestDraw();
    if (this.inverted) requestAnimationFrame(() => (this.scroller.scrollTop = this.scroller.scrollHeight));
  }

  getTree(): FlameTree | null {
    return this.tree;
  }

  resetView(animate = true): void {
    const t = this.tree;
    this.setView(0, t ? Math.max(t.w[0]!, Number.MIN_VALUE) : 1, animate);
  }

  zoomTo(node: number, animate = true): void {
    const t = this.tree;
    if (!t || node < 0 || t.w[node]! <= 0) return;
    this.setView(t.x[node]!, t.x[node]! + t.w[node]!, animate);
    if (!this.inverted) {
      const y = t.depth[node]! * ROW;
      if (y < this.scroller.scrollTop || y > this.scroller.scrollTop + this.scroller.clientHeight - ROW) this.scroller.scrollTop = Math.max(0, y - ROW * 2);
    }
  }

  /** Animated over ~150 ms; each step is a full (culled) redraw. */
  private setView(a: number, b: number, animate: boolean): void {
    cancelAnimationFrame(this.anim);
    if (!animate) {
      this.x0 = a;
      this.x1 = b;
      this.requestDraw();
      return;
    }
    const from0 = this.x0;
    const from1 = this.x1;
    const start = performance.now();
    const step = (now: number): void => {
      const k = Math.min(1, (now - start) / 150);
      const e = 1 - (1 - k) * (1 - k);
      this.x0 = from0 + (a - from0) * e;
      this.x1 = from1 + (b - from1) * e;
      this.draw();
      if (k < 1) this.anim = requestAnimationFrame(step);
    };
    this.anim = requestAnimationFrame(step);
  }

  requestDraw(): void {
    if (this.pending) return;
    this.pending = requestAnimationFrame(() => {
      this.pending = 0;
      this.draw();
    });
  }

  private rowY(depth: number, maxDepth: number): number {
    return this.inverted ? (maxDepth - depth) * ROW : depth * ROW;
  }

  draw(): void {
    const t0 = performance.now();
    const t = this.tree;
    const cssW = this.scroller.clientWidth;
    const cssH = this.scroller.clientHeight;
    if (!t || cssW === 0 || cssH === 0) return;
    const dpr = window.devicePixelRatio || 1;
    if (this.canvas.width !== Math.round(cssW * dpr) || this.canvas.height !== Math.round(cssH * dpr)) {
      this.canvas.width = Math.round(cssW * dpr);
      this.canvas.height = Math.round(cssH * dpr);
      this.canvas.style.width = `${cssW}px`;
      this.canvas.style.height = `${cssH}px`;
      this.canvas.style.marginBottom = `${-cssH}px`;
    }
    const ctx = this.ctx;
    ctx.setTransform(dpr, 0, 0, dpr, 0, 0);
    ctx.fillStyle = getComputedStyle(document.body).backgroundColor || '#fff';
    ctx.fillRect(0, 0, cssW, cssH);
    ctx.font = FONT;
    ctx.textBaseline = 'middle';
    this.charW = ctx.measureText('abcdefghij').width / 10;

    const scrollTop = this.scroller.scrollTop;
    const scale = cssW / (this.x1 - this.x0 || 1);
    const minW = MIN_PX / scale;
    const matches = this.hooks.matches();
    const sel = this.hooks.selectedFunc();
    const drawn: DrawnFrame[] = [];
    const { order, skip, x, w, depth, func, maxDepth } = t;
    const lo = this.x0;
    const hi = this.x1;
    for (let p = 0; p < t.n; ) {
      const i = order[p]!;
      const xi = x[i]!;
      const wi = w[i]!;
      if (wi < minW || xi >= hi || xi + wi <= lo) {
        p = skip[p]!;
        continue;
      }
      const y = this.rowY(depth[i]!, maxDepth) - scrollTop;
      // Rows move away from the root, so a subtree past the screen's far edge is skipped whole.
      if (this.inverted ? y + ROW < 0 : y > cssH) {
        p = skip[p]!;
        continue;
      }
      p++;
      if (y + ROW < 0 || y > cssH) continue;
      const left = Math.max(0, (xi - lo) * scale);
      const right = Math.min(cssW, (xi + wi - lo) * scale);
      const rw = right - left;
      const f = func[i]!;
      const matched = matches !== null && f >= 0 && matches[f] === 1;
      const color = this.hooks.color(i);
      ctx.globalAlpha = matches !== null && !matched ? DIM_ALPHA : 1;
      ctx.fillStyle = color;
      ctx.fillRect(left, y, Math.max(rw - (rw > 3 ? 1 : 0), MIN_PX), ROW - 1);
      if (rw > this.charW * 3) {
        const label = this.hooks.label(i);
        const maxChars = Math.floor((rw - 6) / this.charW);
        const text = label.length <= maxChars ? label : `${label.slice(0, Math.max(0, maxChars - 1))}…`;
        ctx.fillStyle = TEXT_COLOR;
        ctx.fillText(text, left + 3, y + ROW / 2);
      }
      ctx.globalAlpha = 1;
      if (matched || (sel >= 0 && f === sel)) {
        ctx.strokeStyle = f === sel ? SELECTED : HIGHLIGHT;
        ctx.lineWidth = f === sel ? 2 : 1.5;
        ctx.strokeRect(left + 0.75, y + 0.75, Math.max(rw - 2.5, 0.5), ROW - 2.5);
      }
      drawn.push({ node: i, x: left, y, w: rw, h: ROW - 1, color, matched });
    }
    this.drawn = drawn;
    this.lastDrawMs = performance.now() - t0;
  }

  /** The node under the pointer: descend from the root through the child that holds x. */
  private hit(ev: MouseEvent): number {
    const t = this.tree;
    if (!t) return -1;
    const rect = this.canvas.getBoundingClientRect();
    const px = ev.clientX - rect.left;
    const py = ev.clientY - rect.top + this.scroller.scrollTop;
    const d = this.inverted ? t.maxDepth - Math.floor(py / ROW) : Math.floor(py / ROW);
    const ux = this.x0 + (px / rect.width) * (this.x1 - this.x0);
    if (d < 0 || ux < 0 || ux >= t.w[0]!) return -1;
    let node = 0;
    for (let level = 0; level < d; level++) {
      let next = -1;
      for (let k = t.kidsStart[node]!; k < t.kidsStart[node + 1]!; k++) {
        const c = t.kids[k]!;
        if (ux >= t.x[c]! && ux < t.x[c]! + t.w[c]!) {
          next = c;
          break;
        }
      }
      if (next < 0) return -1;
      node = next;
    }
    return t.w[node]! > 0 ? node : -1;
  }
}

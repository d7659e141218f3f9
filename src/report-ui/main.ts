/**
 * The report page: reads the embedded data, lays out the call tree and wires the views
 * (flame graph, sandwich, functions, tests) to one small state. Every profile string
 * reaches the page through textContent or canvas fillText only.
 */
import { codeLoadColor, diffColor, NOISE_COLOR, plainColor } from './colors.js';
import { FlameChart } from './chart.js';
import { decodeReport, type Data } from './decode.js';
import { bytes, fileLine, ms, pct, signedBytes, signedMs, signedPct, signedPp } from './fmt.js';
import { renderHeader } from './header.js';
import { buildSandwich } from './sandwich.js';
import { SortableTable, type Column } from './table.js';
import { blockedTotals, testColumns, testRows, type TestRow } from './tests-table.js';
import { functionTotals, layoutTree, valuesFromSamples, widthsFor, type FlameTree } from './tree.js';
import { STATUS_IMPROVEMENT, STATUS_NOISE, STATUS_NONE, STATUS_REGRESSION } from './wire.js';

type Tab = 'flame' | 'sandwich' | 'functions' | 'tests';
/** What the widths and numbers are: sampled time, or bytes allocated (profiles from `ciprof run --alloc`). */
type Metric = 'cpu' | 'alloc';

interface FnRow {
  f: number;
  name: string;
  loc: string;
  self: number;
  total: number;
  baseSelf: number;
  baseTotal: number;
  /** Self delta: ns, or percentage points of the suite when normalized. */
  delta: number;
  deltaPct: number;
  status: number;
  /** Code-loading class ('' for CPU): judged by its class's swing, never as a CPU row. */
  codeLoad: string;
  /** What the row is judged as: 'CPU', 'code loading (transform)', 'blocked (fs)'. */
  kind: string;
}

const STATUS_TEXT: Record<Metric, string[]> = { cpu: ['', 'within noise', 'slower', 'faster'], alloc: ['', 'within noise', 'allocates more', 'allocates less'] };
const STATUS_CLS = ['st-none', 'st-noise', 'st-regression', 'st-improvement'];
/** A code-loading row's verdict against its class's swing, by status. */
const CODE_LOAD_STATUS = ['not tested', 'within its swing', 'more, beyond its swing', 'less, beyond its swing'];
const CODE_LOAD_CLS = ['st-none', 'st-noise', 'st-codeload', 'st-codeload'];
const JUDGED_BY: Record<string, string> = {
  prior: 'the swing measured for its class on real suites (no history)',
  history: "its class's swing in this job's history",
  runs: 'its spread over the compare runs',
};

const $ = <T extends HTMLElement>(id: string): T => document.getElementById(id) as T;
const el = <K extends keyof HTMLElementTagNameMap>(tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}, ...kids: (Node | string)[]): HTMLElementTagNameMap[K] => {
  const e = Object.assign(document.createElement(tag), props);
  e.append(...kids);
  return e;
};

class App {
  readonly diff: boolean;
  tab: Tab = 'flame';
  testFilter = -1;
  metric: Metric = 'cpu';
  normalized = false;
  searchText = '';
  matchFlags: Uint8Array | null = null;
  matchedFrames = 0;
  matchShare = 0;
  selected = -1;
  tree!: FlameTree;
  fnTotals!: { head: { self: Float64Array; total: Float64Array }; base: { self: Float64Array; total: Float64Array } | null };
  firstPaintMs = -1;

  readonly main: FlameChart;
  readonly callers: FlameChart;
  readonly callees: FlameChart;
  readonly fnTable: SortableTable<FnRow>;
  readonly testTable: SortableTable<TestRow>;
  private readonly views = new Map<Tab, HTMLElement>();
  private readonly tabButtons = new Map<Tab, HTMLButtonElement>();
  private readonly tooltip = $('tooltip');
  private readonly info = el('span', { className: 'info' });
  private readonly chip = el('span', { className: 'chip' });
  readonly search = el('input', { type: 'search', placeholder: 'Search functions (regex)  /', spellcheck: false });
  private readonly fnFilter = el('input', { type: 'text', placeholder: 'Filter functions', spellcheck: false });
  private readonly sandwichTitle = el('div', { className: 'empty' });
  private readonly metricButtons = new Map<Metric, HTMLButtonElement>();
  private readonly legend = el('span', { className: 'legend info' });
  callersTree: FlameTree | null = null;
  calleesTree: FlameTree | null = null;

  constructor(readonly data: Data) {
    this.diff = data.base !== null;
    const hooks = (which: () => FlameTree | null, inSandwich: boolean) => ({
      color: (n: number) => this.colorOf(which()!, n),
      label: (n: number) => this.labelOf(which()!, n),
      matches: () => this.matchFlags,
      selectedFunc: () => (inSandwich ? -1 : this.selected),
      onHover: (n: number, ev: MouseEvent | null) => this.hover(which(), n, ev),
      onClick: (n: number) => {
        const t = which()!;
        if (inSandwich) {
          if (t.func[n]! >= 0) this.select(t.func[n]!);
        } else if (n === 0) this.main.resetView();
        else {
          this.main.zoomTo(n);
          this.selected = t.func[n]!;
          this.refreshSandwich();
        }
      },
    });
    const views = $('views');
    const flame = this.view('flame', 'Flame graph');
    this.main = new FlameChart(flame, hooks(() => this.tree, false));
    const sandwich = this.view('sandwich', 'Sandwich');
    const sw = el('div', { className: 'sandwich' });
    const top = el('div', { className: 'half' }, el('h2', { textContent: 'Callers (who calls it, merged; the function is the bottom row)' }));
    const bottom = el('div', { className: 'half' }, el('h2', { textContent: 'Callees (what it calls, merged)' }));
    sw.append(this.sandwichTitle, top, bottom);
    sandwich.append(sw);
    this.callers = new FlameChart(top, hooks(() => this.callersTree, true), true);
    this.callees = new FlameChart(bottom, hooks(() => this.calleesTree, true));
    const fnView = this.view('functions', 'Functions');
    this.fnTable = new SortableTable<FnRow>(this.fnColumns(), 2, (r, ev) => {
      if ((ev.target as HTMLElement).closest('td')?.cellIndex === 0 && ev.altKey) this.select(r.f, 'sandwich');
      else this.select(r.f, 'flame');
    });
    fnView.append(this.fnTable.el);
    this.testTable = new SortableTable<TestRow>(this.testColumns(), this.diff ? 4 : 2, (r) => this.setTestFilter(r.t));
    if (data.tests.length) this.view('tests', 'Tests').append(this.testTable.el);
    views.append(...this.views.values());
    this.toolbar();
    this.keys();
    this.recompute();
    const idle = this.idle();
    renderHeader(data, { title: $('title'), facts: $('facts') }, { head: this.tree.head.sum, base: this.tree.base?.sum ?? null, idleHead: idle.head, idleBase: idle.base, blocked: blockedTotals(data, data.head) });
    this.showTab('flame');
  }

  private view(tab: Tab, label: string): HTMLElement {
    const v = el('section', { className: 'view' });
    v.dataset.view = tab;
    this.views.set(tab, v);
    const b = el('button', { className: 'tab', textContent: label });
    b.dataset.tab = tab;
    b.addEventListener('click', () => this.showTab(tab));
    this.tabButtons.set(tab, b);
    $('tabs').append(b);
    return v;
  }

  showTab(tab: Tab): void {
    this.tab = tab;
    for (const [t, v] of this.views) v.classList.toggle('active', t === tab);
    for (const [t, b] of this.tabButtons) b.setAttribute('aria-selected', String(t === tab));
    if (tab === 'flame') this.main.requestDraw();
    if (tab === 'sandwich') {
      this.callers.requestDraw();
      this.callees.requestDraw();
    }
    this.fnFilter.style.display = tab === 'functions' ? '' : 'none';
  }

  /** A value of the current metric as people read it: a duration or a size. */
  fmt(v: number): string {
    return this.metric === 'alloc' ? bytes(v) : ms(v);
  }
  fmtSigned(v: number): string {
    return this.metric === 'alloc' ? signedBytes(v) : signedMs(v);
  }
  status(f: number): number {
    if (this.metric === 'cpu') return this.data.fnStatus[f]!;
    return this.data.fnAllocStatus ? this.data.fnAllocStatus[f]! : STATUS_NONE;
  }
  private statusText(st: number): string {
    return STATUS_TEXT[this.metric][st]!;
  }
  /** The code-loading class a function's CPU time is judged in, '' when it is judged as CPU (or allocations are shown). */
  codeLoad(f: number): string {
    return this.metric === 'cpu' && f >= 0 ? (this.data.fnCodeLoad[f] ?? '') : '';
  }
  /** A function's verdict as the tables and tooltips say it: code loading is never "slower". */
  fnStatusText(f: number): string {
    const st = this.status(f);
    const cls = this.codeLoad(f);
    if (cls) return `code loading (${cls}): ${CODE_LOAD_STATUS[st]}`;
    return this.statusText(st);
  }
  private fnStatusCls(f: number): string {
    return (this.codeLoad(f) ? CODE_LOAD_CLS : STATUS_CLS)[this.status(f)]!;
  }
  private kindOf(f: number): string {
    const cls = this.codeLoad(f);
    if (cls) return `code loading (${cls})`;
    const wait = this.data.fnBlocked[f];
    return wait ? `blocked (${wait})` : this.metric === 'cpu' ? 'CPU' : '';
  }

  /** The CPU / Allocations switch; without allocation data it stays, disabled, and says why. */
  private metricSwitch(): HTMLElement {
    const box = el('span', { className: 'switch', role: 'group' });
    box.setAttribute('aria-label', 'Measure');
    const why = this.data.meta.allocUnavailable;
    for (const [m, label] of [
      ['cpu', this.data.meta.valueType === 'wall' ? 'Wall time' : 'CPU time'],
      ['alloc', 'Allocations'],
    ] as const) {
      const b = el('button', { className: 'small', textContent: label });
      b.dataset.metric = m;
      b.setAttribute('aria-pressed', String(m === this.metric));
      if (m === 'alloc' && !this.data.head.alloc) {
        b.disabled = true;
        b.title = why ?? 'No allocation samples.';
      }
      b.addEventListener('click', () => this.setMetric(m));
      this.metricButtons.set(m, b);
      box.append(b);
    }
    if (!this.data.head.alloc && why) box.append(el('span', { className: 'info', textContent: ` ${why}` }));
    return box;
  }

  setMetric(m: Metric): void {
    if (m === this.metric || (m === 'alloc' && !this.data.head.alloc)) return;
    this.metric = m;
    for (const [k, b] of this.metricButtons) b.setAttribute('aria-pressed', String(k === m));
    this.fillLegend();
    this.testTable.setColumns(this.testColumns());
    this.recompute();
  }

  private fillLegend(): void {
    const words = this.metric === 'alloc' ? ['allocates more', 'allocates less'] : ['slower', 'faster'];
    this.legend.replaceChildren();
    for (const [c, t] of [
      [diffColor(STATUS_REGRESSION, 1), words[0]!],
      [diffColor(STATUS_IMPROVEMENT, 1), words[1]!],
      [NOISE_COLOR, 'within noise'],
    ] as const) {
      const sw = el('span');
      sw.style.background = c;
      this.legend.append(sw, t);
    }
    if (this.metric === 'cpu' && this.data.fnCodeLoad.some((c) => c !== '')) {
      const sw = el('span');
      sw.style.background = codeLoadColor(1);
      this.legend.append(sw, 'code loading beyond its swing (judged apart, not CPU)');
    }
  }

  private toolbar(): void {
    const bar = $('toolbar');
    bar.append(this.metricSwitch());
    this.search.addEventListener('input', () => this.setSearch(this.search.value));
    this.fnFilter.addEventListener('input', () => this.renderFnTable());
    const reset = el('button', { className: 'small', textContent: 'Reset zoom', title: 'Esc' });
    reset.addEventListener('click', () => this.main.resetView());
    bar.append(this.search, this.fnFilter, reset);
    if (this.diff) {
      const box = el('input', { type: 'checkbox' });
      box.addEventListener('change', () => {
        this.normalized = box.checked;
        this.recompute(true);
      });
      this.fillLegend();
      bar.append(el('label', { className: 'info' }, box, ' normalized to suite total'), this.legend, el('span', { className: 'info', textContent: '· width = base + head' }));
    }
    this.chip.style.display = 'none';
    bar.append(this.chip, this.info);
  }

  private keys(): void {
    document.addEventListener('keydown', (ev) => {
      const inInput = ev.target instanceof HTMLInputElement;
      if (ev.key === '/' && !inInput) {
        ev.preventDefault();
        if (this.tab !== 'flame' && this.tab !== 'sandwich') this.showTab('flame');
        this.search.focus();
        this.search.select();
      } else if (ev.key === 'Escape') {
        if (inInput) (ev.target as HTMLInputElement).blur();
        this.main.resetView();
      }
    });
  }

  /** Rebuilds values and layout: on start, test filter change, normalization toggle. */
  recompute(keepView = false): void {
    const d = this.data;
    const head = valuesFromSamples(d.parent, this.measured(d.head), this.testFilter);
    const base = d.base ? valuesFromSamples(d.parent, this.measured(d.base), this.testFilter) : null;
    const w = widthsFor(head, base, this.normalized ? 'normalized' : 'sum');
    const nf = d.fnName.length;
    this.tree = layoutTree(d.parent, d.func, head, base, w, nf);
    this.fnTotals = { head: functionTotals(this.tree, head, nf), base: base ? functionTotals(this.tree, base, nf) : null };
    this.main.setTree(this.tree, keepView);
    this.setSearch(this.searchText);
    this.refreshSandwich();
    this.renderFnTable();
    this.renderTestTable();
  }

  /** A side with the current metric's values. */
  private measured(side: Data['head']): Data['head'] {
    return this.metric === 'alloc' && side.alloc ? { ...side, value: side.alloc } : side;
  }

  private idle(): { head: number; base: number | null } {
    let f = -1;
    for (let i = 0; i < this.data.fnName.length; i++) if (this.name(i) === '(idle)' && this.file(i) === '') f = i;
    if (f < 0) return { head: 0, base: this.diff ? 0 : null };
    return { head: this.fnTotals.head.self[f]!, base: this.fnTotals.base ? this.fnTotals.base.self[f]! : null };
  }

  name(f: number): string {
    return this.data.strings[this.data.fnName[f]!] ?? '';
  }
  file(f: number): string {
    return this.data.strings[this.data.fnFile[f]!] ?? '';
  }
  loc(f: number): string {
    const file = this.file(f);
    return file ? fileLine(file, this.data.fnLine[f]!) : '';
  }

  private labelOf(t: FlameTree, n: number): string {
    const f = t.func[n]!;
    if (f < 0) return `all (${this.fmt(t.head.sum)}${t.base ? ` head, ${this.fmt(t.base.sum)} base` : ''})`;
    return this.name(f);
  }

  /** Change of a frame in [-1, 1], absolute or as a share of each side's suite. */
  private change(t: FlameTree, n: number): number {
    if (!t.base) return 0;
    let h = t.head.total[n]!;
    let b = t.base.total[n]!;
    if (this.normalized) {
      h /= this.tree.head.sum || 1;
      b /= this.tree.base!.sum || 1;
    }
    const m = Math.max(h, b);
    return m > 0 ? (h - b) / m : 0;
  }

  private colorOf(t: FlameTree, n: number): string {
    const f = t.func[n]!;
    if (!this.diff) return f < 0 ? plainColor('all', '') : plainColor(this.name(f), this.file(f));
    if (f < 0) return diffColor(STATUS_NOISE, 0);
    const st = this.status(f);
    // Code loading is judged by its class's swing: beyond it, its own colour; never a CPU red or blue.
    if (this.codeLoad(f)) return st === STATUS_REGRESSION || st === STATUS_IMPROVEMENT ? codeLoadColor(this.change(t, n)) : NOISE_COLOR;
    return diffColor(st, this.change(t, n));
  }

  private hover(t: FlameTree | null, n: number, ev: MouseEvent | null): void {
    const tip = this.tooltip;
    if (!t || n < 0 || !ev) {
      tip.style.display = 'none';
      return;
    }
    const f = t.func[n]!;
    const suite = this.tree.head.sum;
    const lines: [string, string][] = [];
    const name = f < 0 ? 'all' : this.name(f);
    const loc = f < 0 ? '' : this.loc(f);
    const headLabel = this.diff ? 'head ' : '';
    lines.push([`${headLabel}total`, `${this.fmt(t.head.total[n]!)} (${pct(t.head.total[n]!, suite)} of suite)`]);
    lines.push([`${headLabel}self`, `${this.fmt(t.head.self[n]!)} (${pct(t.head.self[n]!, suite)})`]);
    if (t.base) {
      const bs = this.tree.base!.sum;
      lines.push(['base total', `${this.fmt(t.base.total[n]!)} (${pct(t.base.total[n]!, bs)} of suite)`]);
      lines.push(['base self', this.fmt(t.base.self[n]!)]);
      const dt = t.head.total[n]! - t.base.total[n]!;
      const dpp = ((t.head.total[n]! / (suite || 1)) - t.base.total[n]! / (bs || 1)) * 100;
      lines.push(['Δ total', this.normalized ? signedPp(dpp) : `${this.fmtSigned(dt)} (${signedPct(t.base.total[n]! > 0 ? (dt / t.base.total[n]!) * 100 : dt > 0 ? Infinity : 0)})`]);
      if (f >= 0) lines.push(['status (self)', this.fnStatusText(f) || 'not tested (too few samples)']);
      const iv = f >= 0 && this.metric === 'cpu' ? this.data.fnInterval.get(f) : undefined;
      if (iv) lines.push(['speed-adjusted Δ self', intervalText(iv)]);
      const by = f >= 0 && this.codeLoad(f) ? this.data.fnJudgedBy[f] : '';
      if (by) lines.push(['judged by', JUDGED_BY[by] ?? by]);
      if (t.base.total[n] === 0) lines.push(['', 'only in head']);
      else if (t.head.total[n] === 0) lines.push(['', 'only in base']);
    }
    const cls = this.codeLoad(f);
    if (cls) lines.push(['', `code loading (${cls}): judged by its class's swing, not as a CPU change`]);
    tip.replaceChildren(
      el('div', { className: 'name', textContent: name }),
      ...(loc ? [el('div', { className: 'loc', textContent: loc })] : []),
      ...lines.map(([k, v]) => el('div', { textContent: k ? `${k}: ${v}` : v })),
    );
    tip.style.display = 'block';
    const x = Math.min(ev.clientX + 14, window.innerWidth - tip.offsetWidth - 8);
    const y = ev.clientY + 16 + tip.offsetHeight > window.innerHeight ? ev.clientY - tip.offsetHeight - 8 : ev.clientY + 16;
    tip.style.left = `${Math.max(0, x)}px`;
    tip.style.top = `${Math.max(0, y)}px`;
  }

  setSearch(text: string): void {
    this.searchText = text;
    const nf = this.data.fnName.length;
    if (!text) {
      this.matchFlags = null;
      this.matchedFrames = 0;
      this.matchShare = 0;
      this.info.textContent = '';
    } else {
      let re: RegExp;
      try {
        re = new RegExp(text, 'i');
      } catch {
        re = new RegExp(text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i');
      }
      const flags = new Uint8Array(nf);
      for (let f = 0; f < nf; f++) if (re.test(this.name(f))) flags[f] = 1;
      this.matchFlags = flags;
      // Count visible frames; share counts nested matches once (outermost match only).
      const t = this.tree;
      let frames = 0;
      let share = 0;
      let insideUntil = -1;
      for (let p = 0; p < t.n; p++) {
        const i = t.order[p]!;
        const f = t.func[i]!;
        if (f < 0 || !flags[f] || t.w[i]! <= 0) continue;
        frames++;
        if (p >= insideUntil) {
          share += t.head.total[i]!;
          insideUntil = t.skip[p]!;
        }
      }
      this.matchedFrames = frames;
      this.matchShare = t.head.sum > 0 ? share / t.head.sum : 0;
      this.info.textContent = `${frames} matching frame(s), ${(this.matchShare * 100).toFixed(1)}% of ${this.diff ? 'head ' : ''}total (${this.fmt(share)})`;
    }
    this.main.requestDraw();
    this.callers.requestDraw();
    this.callees.requestDraw();
  }

  select(f: number, goto?: 'flame' | 'sandwich'): void {
    this.selected = f;
    this.refreshSandwich();
    if (goto === 'flame') {
      this.showTab('flame');
      let best = -1;
      for (let i = 1; i < this.tree.n; i++) if (this.tree.func[i] === f && (best < 0 || this.tree.w[i]! > this.tree.w[best]!)) best = i;
      if (best >= 0) this.main.zoomTo(best);
    } else if (goto === 'sandwich') this.showTab('sandwich');
    this.main.requestDraw();
  }

  private refreshSandwich(): void {
    const f = this.selected;
    if (f < 0) {
      this.sandwichTitle.textContent = 'Click a frame in the flame graph (or a row of the Functions table) to see its callers and callees here.';
      return;
    }
    const s = buildSandwich(this.tree, f);
    const nf = this.data.fnName.length;
    const mode = this.normalized ? 'normalized' : 'sum';
    const lay = (t: typeof s.callers): FlameTree => layoutTree(t.parent, t.func, t.head, t.base, widthsFor(t.head, t.base, mode), nf);
    this.callersTree = lay(s.callers);
    this.calleesTree = lay(s.callees);
    this.callers.setTree(this.callersTree);
    this.callees.setTree(this.calleesTree);
    const h = this.fnTotals.head;
    const loc = this.loc(f);
    let text = `${this.name(f)}${loc ? `  ${loc}` : ''} — total ${this.fmt(h.total[f]!)} (${pct(h.total[f]!, this.tree.head.sum)}), self ${this.fmt(h.self[f]!)}`;
    if (this.fnTotals.base) text += ` · base total ${this.fmt(this.fnTotals.base.total[f]!)}, self ${this.fmt(this.fnTotals.base.self[f]!)}`;
    if (this.codeLoad(f)) text += this.diff ? ` · ${this.fnStatusText(f)}` : ` · code loading (${this.codeLoad(f)})`;
    this.sandwichTitle.textContent = text;
  }

  setTestFilter(t: number): void {
    this.testFilter = t;
    this.chip.replaceChildren();
    if (t >= 0) {
      const test = this.data.tests[t]!;
      const clear = el('button', { textContent: '✕', title: 'Show all tests' });
      clear.addEventListener('click', () => this.setTestFilter(-1));
      this.chip.append(`test: ${test.file} › ${test.name} `, clear);
      this.chip.style.display = '';
    } else this.chip.style.display = 'none';
    this.recompute();
    this.showTab('flame');
  }

  private fnColumns(): Column<FnRow>[] {
    const cols: Column<FnRow>[] = [
      { label: 'Function', key: (r) => r.name, text: (r) => r.name, left: true },
      { label: 'Location', key: (r) => r.loc, text: (r) => r.loc, left: true },
      { label: this.diff ? 'Head self' : 'Self', key: (r) => r.self, text: (r) => this.fmt(r.self) },
      { label: 'Self %', key: (r) => r.self, text: (r) => pct(r.self, this.tree.head.sum) },
      { label: this.diff ? 'Head total' : 'Total', key: (r) => r.total, text: (r) => this.fmt(r.total), title: 'Recursion counted once' },
      { label: 'Total %', key: (r) => r.total, text: (r) => pct(r.total, this.tree.head.sum) },
    ];
    if (this.diff) {
      cols.push(
        { label: 'Base self', key: (r) => r.baseSelf, text: (r) => this.fmt(r.baseSelf) },
        { label: 'Δ self', key: (r) => Math.abs(r.delta), text: (r) => (this.normalized ? signedPp(r.delta) : this.fmtSigned(r.delta)), cls: (r) => this.fnStatusCls(r.f) },
        { label: 'Δ %', key: (r) => (Number.isFinite(r.deltaPct) ? r.deltaPct : 1e9), text: (r) => signedPct(r.deltaPct), cls: (r) => this.fnStatusCls(r.f) },
      );
      if (this.metric === 'cpu') {
        cols.push({
          label: 'Adj. Δ (95% CI)',
          key: (r) => this.data.fnInterval.get(r.f)?.pct ?? -1e9,
          text: (r) => {
            const iv = this.data.fnInterval.get(r.f);
            return iv ? intervalText(iv) : '';
          },
          cls: (r) => this.fnStatusCls(r.f),
          title: "Self-time change adjusted for the run's overall speed, with its 95% interval (the PR comment's numbers)",
        });
      }
      cols.push({ label: 'Status', key: (r) => r.status, text: (r) => this.fnStatusText(r.f), cls: (r) => this.fnStatusCls(r.f) });
    }
    if (this.metric === 'cpu') cols.push({ label: 'Judged as', key: (r) => r.kind, text: (r) => r.kind, left: true, title: KIND_TITLE });
    return cols;
  }

  private renderFnTable(): void {
    const { head, base } = this.fnTotals;
    const q = this.fnFilter.value.toLowerCase();
    const hs = this.tree.head.sum || 1;
    const bs = this.tree.base?.sum || 1;
    const rows: FnRow[] = [];
    for (let f = 0; f < this.data.fnName.length; f++) {
      const bt = base ? base.total[f]! : 0;
      if (head.total[f] === 0 && bt === 0) continue;
      const name = this.name(f);
      const loc = this.loc(f);
      if (q && !name.toLowerCase().includes(q) && !loc.toLowerCase().includes(q)) continue;
      const bself = base ? base.self[f]! : 0;
      const delta = this.normalized ? (head.self[f]! / hs - bself / bs) * 100 : head.self[f]! - bself;
      const dAbs = head.self[f]! - bself;
      rows.push({ f, name, loc, self: head.self[f]!, total: head.total[f]!, baseSelf: bself, baseTotal: bt, delta, deltaPct: bself > 0 ? (dAbs / bself) * 100 : dAbs > 0 ? Infinity : 0, status: this.status(f), codeLoad: this.codeLoad(f), kind: this.kindOf(f) });
    }
    this.fnTable.setColumns(this.fnColumns());
    this.fnTable.setRows(rows);
  }

  private testColumns(): Column<TestRow>[] {
    return testColumns({ diff: this.diff, alloc: this.metric === 'alloc', fmt: (v) => this.fmt(v), fmtSigned: (v) => this.fmtSigned(v) });
  }

  private renderTestTable(): void {
    if (this.data.tests.length) this.testTable.setRows(testRows(this.data, this.metric === 'alloc'));
  }
}

const KIND_TITLE =
  'CPU: judged on sampling and run-to-run noise. Code loading (a transform such as ts-jest, the module loader): how much of it a run does depends on scheduling and caches, so it is judged by its class\'s measured swing and never reported as a CPU regression. Blocked: a wait in a system call, not CPU.';

/** "+18.2% (+12.0..+25.1)" */
function intervalText(iv: { pct: number; low: number; high: number }): string {
  const f = (x: number): string => `${x >= 0 ? '+' : '−'}${Math.abs(x).toFixed(1)}`;
  return `${f(iv.pct)}% (${f(iv.low)}..${f(iv.high)})`;
}

function hook(app: App): void {
  // Read-only view of what is on screen, for the browser tests and the benchmark.
  const frame = (t: FlameTree, d: { node: number; x: number; y: number; w: number; h: number; color: string; matched: boolean }) => {
    const f = t.func[d.node]!;
    return {
      node: d.node,
      parent: t.parent[d.node]!,
      name: f < 0 ? 'all' : app.name(f),
      file: f < 0 ? '' : app.file(f),
      depth: t.depth[d.node]!,
      parentName: t.parent[d.node]! >= 0 && t.func[t.parent[d.node]!]! >= 0 ? app.name(t.func[t.parent[d.node]!]!) : d.node === 0 ? null : 'all',
      x: d.x,
      y: d.y,
      w: d.w,
      h: d.h,
      color: d.color,
      matched: d.matched,
      status: f < 0 ? 0 : app.status(f),
      codeLoad: f < 0 ? '' : app.codeLoad(f),
      headTotal: t.head.total[d.node]!,
      headSelf: t.head.self[d.node]!,
      baseTotal: t.base ? t.base.total[d.node]! : null,
    };
  };
  const kidsOf = (t: FlameTree | null) => {
    if (!t) return [];
    const out: { name: string; headTotal: number; baseTotal: number | null }[] = [];
    for (let k = t.kidsStart[0]!; k < t.kidsStart[1]!; k++) {
      const c = t.kids[k]!;
      out.push({ name: app.name(t.func[c]!), headTotal: t.head.total[c]!, baseTotal: t.base ? t.base.total[c]! : null });
    }
    return out;
  };
  const api = {
    ready: true,
    state: () => ({
      tab: app.tab,
      x0: app.main.x0,
      x1: app.main.x1,
      rootWidth: app.tree.w[0]!,
      search: app.searchText,
      matchedFrames: app.matchedFrames,
      matchShare: app.matchShare,
      selected: app.selected >= 0 ? app.name(app.selected) : null,
      testFilter: app.testFilter >= 0 ? { file: app.data.tests[app.testFilter]!.file, name: app.data.tests[app.testFilter]!.name } : null,
      diff: app.diff,
      metric: app.metric,
      allocAvailable: app.data.head.alloc !== null,
      normalized: app.normalized,
      headSum: app.tree.head.sum,
      baseSum: app.tree.base ? app.tree.base.sum : null,
      nodes: app.tree.n,
      lastDrawMs: app.main.lastDrawMs,
      firstPaintMs: app.firstPaintMs,
    }),
    frames: () => app.main.drawn.map((d) => frame(app.tree, d)),
    sandwich: () => {
      const s = app.selected;
      if (s < 0) return null;
      const c = app.callersTree;
      const e = app.calleesTree;
      return {
        name: app.name(s),
        total: app.fnTotals.head.total[s]!,
        self: app.fnTotals.head.self[s]!,
        callersRootTotal: c ? c.head.total[0]! : 0,
        calleesRootTotal: e ? e.head.total[0]! : 0,
        callers: kidsOf(c),
        callees: kidsOf(e),
      };
    },
    functions: () => app.fnTable.shown.map((r) => ({ name: r.name, loc: r.loc, self: r.self, total: r.total, baseSelf: r.baseSelf, delta: r.delta, status: r.status, codeLoad: r.codeLoad, kind: r.kind, statusText: app.fnStatusText(r.f) })),
    tests: () => app.testTable.shown.map((r) => ({ ...r })),
  };
  Object.defineProperty(window, '__ciprof', { value: Object.freeze(api), configurable: false, writable: false });
}

async function boot(): Promise<void> {
  try {
    const raw = JSON.parse($('ciprof-data').textContent ?? '{}') as Parameters<typeof decodeReport>[0];
    const data = await decodeReport(raw);
    const app = new App(data);
    app.main.draw();
    requestAnimationFrame(() =>
      setTimeout(() => {
        app.firstPaintMs = performance.now();
        hook(app);
      }, 0),
    );
  } catch (err) {
    const e = $('error');
    e.style.display = 'block';
    e.textContent = `Could not read the report data: ${(err as Error).message}`;
  }
}

void boot();

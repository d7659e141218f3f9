/** A sortable, clickable table rendered with textContent only; the longest lists are capped. */
export interface Column<R> {
  label: string;
  /** Sort key; numbers sort descending first, strings ascending. */
  key(r: R): number | string;
  text(r: R): string;
  cls?(r: R): string;
  left?: boolean;
  title?: string;
}

export const ROW_LIMIT = 500;

export class SortableTable<R> {
  readonly el: HTMLDivElement;
  private readonly note: HTMLDivElement;
  private sortCol: number;
  private desc = true;
  private rows: R[] = [];
  shown: R[] = [];

  constructor(
    private columns: Column<R>[],
    defaultSort: number,
    private readonly onClick: (r: R, ev: MouseEvent) => void,
  ) {
    this.sortCol = defaultSort;
    this.el = document.createElement('div');
    this.el.className = 'tablewrap';
    this.note = document.createElement('div');
    this.note.className = 'empty';
  }

  /** Column labels change with the mode (absolute/normalized); the sort stays. */
  setColumns(columns: Column<R>[]): void {
    this.columns = columns;
    this.sortCol = Math.min(this.sortCol, columns.length - 1);
  }

  setRows(rows: R[]): void {
    this.rows = rows;
    this.render();
  }

  sortBy(col: number): void {
    if (col === this.sortCol) this.desc = !this.desc;
    else {
      this.sortCol = col;
      this.desc = typeof this.columns[col]!.key(this.rows[0] as R) === 'number';
    }
    this.render();
  }

  private render(): void {
    const col = this.columns[this.sortCol]!;
    const sorted = [...this.rows].sort((a, b) => {
      const ka = col.key(a);
      const kb = col.key(b);
      const c = typeof ka === 'number' && typeof kb === 'number' ? ka - kb : String(ka).localeCompare(String(kb));
      return this.desc ? -c : c;
    });
    this.shown = sorted.slice(0, ROW_LIMIT);
    const table = document.createElement('table');
    const thead = table.createTHead().insertRow();
    this.columns.forEach((c, i) => {
      const th = document.createElement('th');
      th.textContent = c.label + (i === this.sortCol ? (this.desc ? ' ▾' : ' ▴') : '');
      if (c.left) th.className = 'l';
      if (c.title) th.title = c.title;
      th.addEventListener('click', () => this.sortBy(i));
      thead.append(th);
    });
    const body = table.createTBody();
    for (const r of this.shown) {
      const tr = body.insertRow();
      for (const c of this.columns) {
        const td = tr.insertCell();
        td.textContent = c.text(r);
        const cls = [c.left ? 'l' : '', c.cls ? c.cls(r) : ''].filter(Boolean).join(' ');
        if (cls) td.className = cls;
        if (c.left) td.title = td.textContent;
      }
      tr.addEventListener('click', (ev) => this.onClick(r, ev));
    }
    this.note.textContent = sorted.length > ROW_LIMIT ? `Showing ${ROW_LIMIT} of ${sorted.length} rows; filter to narrow.` : sorted.length === 0 ? 'No rows.' : '';
    this.el.replaceChildren(table, this.note);
  }
}

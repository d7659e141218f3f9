/**
 * Number formatting shared by the report page (tooltip, tables, header), the PR comment
 * and the terminal (render/markdown.ts, render/text.ts): one way to write a duration.
 * Pure, no imports: it runs in the browser bundle too.
 */

/** `file:line`, or the file alone where the line is unknown (0: code a compiler wrote, without an original position). */
export function fileLine(file: string, line: number): string {
  return line > 0 ? `${file}:${line}` : file;
}

/** A duration in ns as people read it: `12.3 ms`, `123 ms`, `1.23 s`, `12.3 s`. */
export function ms(ns: number): string {
  const v = ns / 1e6;
  if (Math.abs(v) >= 10_000) return `${(v / 1000).toFixed(1)} s`;
  if (Math.abs(v) >= 1000) return `${(v / 1000).toFixed(2)} s`;
  return `${v.toFixed(Math.abs(v) >= 100 ? 0 : 1)} ms`;
}

/** Bytes in binary units, as the PR comment's Allocations section writes them: `512 B`, `12 KiB`, `16.0 MiB`, `1.20 GiB`. */
export function bytes(b: number): string {
  const a = Math.abs(b);
  if (a >= 1024 ** 3) return `${(b / 1024 ** 3).toFixed(2)} GiB`;
  if (a >= 1024 ** 2) return `${(b / 1024 ** 2).toFixed(1)} MiB`;
  if (a >= 1024) return `${(b / 1024).toFixed(0)} KiB`;
  return `${Math.round(b)} B`;
}

export function signedBytes(b: number): string {
  return `${b > 0 ? '+' : b < 0 ? '−' : '±'}${bytes(Math.abs(b))}`;
}

export function signedMs(ns: number): string {
  return `${ns > 0 ? '+' : ns < 0 ? '−' : '±'}${ms(Math.abs(ns))}`;
}

export function pct(part: number, whole: number): string {
  if (!whole) return '0%';
  const p = (part / whole) * 100;
  return `${p >= 10 ? p.toFixed(1) : p.toFixed(2)}%`;
}

export function signedPct(p: number): string {
  if (!Number.isFinite(p)) return p > 0 ? 'new' : '—';
  return `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p).toFixed(1)}%`;
}

/** Percentage points, for the normalized (share of suite) diff. */
export function signedPp(p: number): string {
  return `${p > 0 ? '+' : p < 0 ? '−' : '±'}${Math.abs(p).toFixed(2)} pp`;
}

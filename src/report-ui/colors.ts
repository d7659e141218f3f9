/**
 * Frame colours. Plain mode: warm hues per function (hashed, so a function keeps its
 * colour across zooms), cooler ones for Node internals and dependencies, grey for V8
 * pseudo-frames. Diff mode: red slower, blue faster, grey within noise, from the
 * function's diffProfiles status; intensity from the frame's own change.
 */
import { STATUS_IMPROVEMENT, STATUS_REGRESSION } from './wire.js';

export const dark = typeof matchMedia === 'function' && matchMedia('(prefers-color-scheme: dark)').matches;

function hash(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return h >>> 0;
}

const L = dark ? 38 : 72;

export function plainColor(name: string, file: string): string {
  const h = hash(name);
  const jitter = (h % 1000) / 1000;
  if (!file) return `hsl(0 0% ${dark ? 32 : 78}%)`;
  if (file.startsWith('node:')) return `hsl(${200 + jitter * 30} 35% ${L + (dark ? 0 : 4)}%)`;
  if (file.includes('node_modules/')) return `hsl(${45 + jitter * 15} 70% ${L}%)`;
  return `hsl(${10 + jitter * 30} 80% ${L - (dark ? 0 : 4)}%)`;
}

export const NOISE_COLOR = dark ? 'hsl(220 6% 34%)' : 'hsl(220 6% 80%)';

/** `change` in [-1, 1]: the frame's relative change, only for intensity. */
export function diffColor(status: number, change: number): string {
  const k = Math.min(1, Math.max(0.35, Math.abs(change)));
  if (status === STATUS_REGRESSION) return dark ? `hsl(0 ${45 + 35 * k}% ${30 + 12 * k}%)` : `hsl(0 ${55 + 35 * k}% ${82 - 22 * k}%)`;
  if (status === STATUS_IMPROVEMENT) return dark ? `hsl(215 ${45 + 35 * k}% ${30 + 12 * k}%)` : `hsl(215 ${55 + 35 * k}% ${82 - 22 * k}%)`;
  return NOISE_COLOR;
}

/**
 * Code loading (a transform, the module loader) that moved beyond its class's swing: violet,
 * neither the red nor the blue of a CPU change, since it is judged apart and is no CPU row.
 */
export function codeLoadColor(change: number): string {
  const k = Math.min(1, Math.max(0.35, Math.abs(change)));
  return dark ? `hsl(275 ${35 + 30 * k}% ${30 + 12 * k}%)` : `hsl(275 ${45 + 30 * k}% ${84 - 20 * k}%)`;
}

export const TEXT_COLOR = dark ? '#e6edf3' : '#1f2328';
export const HIGHLIGHT = dark ? '#e3b341' : '#bf8700';
export const SELECTED = dark ? '#ffffff' : '#1f2328';
export const DIM_ALPHA = 0.22;

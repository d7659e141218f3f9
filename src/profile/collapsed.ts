/**
 * Brendan Gregg's collapsed stacks (`root;caller;leaf value`), read by flamegraph.pl,
 * speedscope and many more. Root first, frames joined by ';' (a ';' inside a name is
 * replaced, the format has no escape).
 */
import { timeValueIndex, type Profile } from './model.js';
import { formatFrame } from './aggregate.js';

const frameText = (s: string): string => s.replace(/[;\n\r]/g, '_');

export function toCollapsed(profile: Profile, valueIndex = timeValueIndex(profile)): string {
  const lines = new Map<string, number>();
  for (const s of profile.samples) {
    const v = s.values[valueIndex] ?? 0;
    if (!v) continue;
    const key = s.stack
      .map((id) => frameText(formatFrame(profile.functions[id]!)))
      .reverse()
      .join(';');
    lines.set(key, (lines.get(key) ?? 0) + v);
  }
  let out = '';
  for (const [k, v] of lines) out += `${k} ${Math.round(v)}\n`;
  return out;
}


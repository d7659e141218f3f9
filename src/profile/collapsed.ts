/**
 * Brendan Gregg's collapsed stacks (`root;caller;leaf value`), read by flamegraph.pl,
 * speedscope and many more. Root first, frames joined by ';' (a ';' inside a name is
 * replaced, the format has no escape).
 */
import { ProfileBuilder, timeValueIndex, type Profile } from './model.js';
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

/** Reads collapsed stacks; frames are names only (no file/line), values one type. */
export function fromCollapsed(text: string, unit: 'nanoseconds' | 'count' = 'count'): Profile {
  const type = unit === 'count' ? { type: 'samples', unit: 'count' } : { type: 'cpu', unit: 'nanoseconds' };
  const builder = new ProfileBuilder([type], type, 1);
  text.split('\n').forEach((line, i) => {
    const trimmed = line.trim();
    if (!trimmed) return;
    const sp = trimmed.lastIndexOf(' ');
    const value = Number(trimmed.slice(sp + 1));
    if (sp <= 0 || !Number.isFinite(value)) throw new Error(`line ${i + 1}: expected "frame;frame value"`);
    const stack = trimmed
      .slice(0, sp)
      .split(';')
      .map((name) => builder.functionId(name, '', 0))
      .reverse();
    builder.addSample(stack, [value]);
  });
  return builder.build();
}

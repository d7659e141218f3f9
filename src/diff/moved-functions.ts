/**
 * Functions that moved between base and head. A function is keyed by (name, file, line),
 * so an edit above it (a PR adding an import) moves its line, and without this step it
 * read as one function gone (an "improvement" of all its time) and a new one (a
 * "regression" of all of it). The same holds for a TypeScript file mapped in one run and
 * left at generated lines in the other.
 *
 * Before any diff, each base function that has no twin in the head is given the line of a
 * head function of the same name and file that has no twin in the base: in line order when
 * both sides have as many (an edit moves the functions below it alike), else only those
 * that share the offset most pairs share. The base is relabelled, never the head: every
 * row, link and view names the function where the head has it.
 */
import { functionKey, type FunctionFrame, type Profile } from '../profile/model.js';

/** The base runs with moved functions at their head lines; the same objects when none moved. */
export function alignMovedFunctions(baseRuns: readonly Profile[], headRuns: readonly Profile[]): readonly Profile[] {
  const newLine = movedLines(baseRuns, headRuns);
  if (newLine.size === 0) return baseRuns;
  return baseRuns.map((p) => {
    let changed = false;
    const functions = p.functions.map((f) => {
      const line = newLine.get(functionKey(f));
      if (line === undefined) return f;
      changed = true;
      return { ...f, line };
    });
    return changed ? { ...p, functions } : p;
  });
}

/** Base function key -> the head line it moved to. */
export function movedLines(baseRuns: readonly Profile[], headRuns: readonly Profile[]): Map<string, number> {
  const baseKeys = keysOf(baseRuns);
  const headKeys = keysOf(headRuns);
  // Per (name, file): the lines only one side has.
  const groups = new Map<string, { frame: FunctionFrame; base: Set<number>; head: Set<number> }>();
  const add = (f: FunctionFrame, side: 'base' | 'head'): void => {
    // V8's pseudo-frames have no file; a line of 0 is unknown, nothing to move.
    if (f.file === '' || f.line <= 0) return;
    const id = `${f.name}\u0000${f.file}`;
    let g = groups.get(id);
    if (!g) groups.set(id, (g = { frame: f, base: new Set(), head: new Set() }));
    g[side].add(f.line);
  };
  for (const [key, f] of baseKeys) if (!headKeys.has(key)) add(f, 'base');
  for (const [key, f] of headKeys) if (!baseKeys.has(key)) add(f, 'head');
  const moved = new Map<string, number>();
  for (const g of groups.values()) {
    if (g.base.size === 0 || g.head.size === 0) continue;
    for (const [from, to] of pairLines([...g.base], [...g.head])) moved.set(functionKey({ ...g.frame, line: from }), to);
  }
  return moved;
}

function keysOf(runs: readonly Profile[]): Map<string, FunctionFrame> {
  const keys = new Map<string, FunctionFrame>();
  for (const p of runs) for (const f of p.functions) keys.set(functionKey(f), f);
  return keys;
}

/** Base lines paired with head lines, each used once. */
function pairLines(base: number[], head: number[]): Array<[number, number]> {
  base.sort((a, b) => a - b);
  head.sort((a, b) => a - b);
  if (base.length === head.length) return base.map((b, i) => [b, head[i]!]);
  // One side has a function more (added or removed too): pair only what moved alike.
  const votes = new Map<number, number>();
  for (const b of base) for (const h of head) votes.set(h - b, (votes.get(h - b) ?? 0) + 1);
  let offset = 0;
  let best = 0;
  for (const [d, n] of votes) if (n > best || (n === best && Math.abs(d) < Math.abs(offset))) [offset, best] = [d, n];
  const heads = new Set(head);
  return base.filter((b) => heads.has(b + offset)).map((b) => [b, b + offset]);
}

/**
 * Values and layout of a call tree, for the main graph and for both halves of the
 * sandwich. Trees are parent/func arrays with parent < child, so totals are one reverse
 * pass and no recursion is needed (deep recursive stacks cannot blow the JS stack).
 */
import type { Side } from './decode.js';

export interface Values {
  self: Float64Array;
  total: Float64Array;
  /** Total of the root (= all sampled time of this side and filter). */
  sum: number;
}

export function valuesFromSamples(parent: Int32Array, side: Side, testFilter: number): Values {
  const n = parent.length;
  const self = new Float64Array(n);
  for (let i = 0; i < side.node.length; i++) {
    if (testFilter >= 0 && side.test[i] !== testFilter) continue;
    self[side.node[i]!]! += side.value[i]!;
  }
  return totalsFromSelf(parent, self);
}

export function totalsFromSelf(parent: Int32Array, self: Float64Array): Values {
  const total = Float64Array.from(self);
  for (let i = total.length - 1; i > 0; i--) {
    const p = parent[i]!;
    if (p >= 0) total[p]! += total[i]!;
  }
  return { self, total, sum: total.length ? total[0]! : 0 };
}

export type WidthMode = 'head' | 'sum' | 'normalized';

/** A laid-out tree: what the flame chart draws and hit-tests. */
export interface FlameTree {
  n: number;
  func: Int32Array;
  parent: Int32Array;
  depth: Int32Array;
  maxDepth: number;
  head: Values;
  base: Values | null;
  /** Horizontal extent of each node in width units; the root spans [0, w[0]]. */
  x: Float64Array;
  w: Float64Array;
  /** Nodes in pre-order (children widest first); skip[p] is the position after p's subtree. */
  order: Int32Array;
  skip: Int32Array;
  /** Children of node i, widest first: kids[kidsStart[i] .. kidsStart[i+1]). */
  kidsStart: Int32Array;
  kids: Int32Array;
  /** 1 when no ancestor is the same function: summing these counts recursion once. */
  outermost: Uint8Array;
}

export function widthsFor(head: Values, base: Values | null, mode: WidthMode): Float64Array {
  const n = head.total.length;
  const w = new Float64Array(n);
  if (!base || mode === 'head') w.set(head.total);
  else if (mode === 'sum') for (let i = 0; i < n; i++) w[i] = head.total[i]! + base.total[i]!;
  else {
    // Shares of each side's own total, so a suite that got uniformly slower looks unchanged.
    const hs = head.sum || 1;
    const bs = base.sum || 1;
    for (let i = 0; i < n; i++) w[i] = head.total[i]! / hs + base.total[i]! / bs;
  }
  return w;
}

export function layoutTree(parent: Int32Array, func: Int32Array, head: Values, base: Values | null, w: Float64Array, functionCount: number): FlameTree {
  const n = parent.length;
  const kidsStart = new Int32Array(n + 1);
  for (let i = 1; i < n; i++) kidsStart[parent[i]! + 1]!++;
  for (let i = 0; i < n; i++) kidsStart[i + 1]! += kidsStart[i]!;
  const fill = kidsStart.slice(0, n);
  const kids = new Int32Array(Math.max(0, n - 1));
  for (let i = 1; i < n; i++) kids[fill[parent[i]!]!++] = i;
  for (let i = 0; i < n; i++) {
    const a = kidsStart[i]!;
    const b = kidsStart[i + 1]!;
    if (b - a > 1) kids.subarray(a, b).sort((p, q) => w[q]! - w[p]! || p - q);
  }

  const x = new Float64Array(n);
  const depth = new Int32Array(n);
  const order = new Int32Array(n);
  const skip = new Int32Array(n);
  const outermost = new Uint8Array(n);
  const onStack = new Int32Array(functionCount + 1);
  let maxDepth = 0;
  // Iterative DFS; a negative stack entry means "leaving node ~entry".
  const stack: number[] = [0];
  const posOf = new Int32Array(n);
  let pos = 0;
  while (stack.length) {
    const e = stack.pop()!;
    if (e < 0) {
      const i = ~e;
      skip[posOf[i]!] = pos;
      if (func[i]! >= 0) onStack[func[i]!]!--;
      continue;
    }
    const i = e;
    posOf[i] = pos;
    order[pos++] = i;
    const f = func[i]!;
    if (f >= 0) {
      outermost[i] = onStack[f] === 0 ? 1 : 0;
      onStack[f]!++;
    }
    if (depth[i]! > maxDepth) maxDepth = depth[i]!;
    stack.push(~i);
    let cx = x[i]!;
    const a = kidsStart[i]!;
    const b = kidsStart[i + 1]!;
    for (let k = a; k < b; k++) {
      const c = kids[k]!;
      x[c] = cx;
      cx += w[c]!;
      depth[c] = depth[i]! + 1;
    }
    for (let k = b - 1; k >= a; k--) stack.push(kids[k]!);
  }
  return { n, func, parent, depth, maxDepth, head, base, x, w, order, skip, kidsStart, kids, outermost };
}

/** Per-function self and total (outermost occurrences only, so recursion counts once). */
export function functionTotals(tree: FlameTree, values: Values, functionCount: number): { self: Float64Array; total: Float64Array } {
  const self = new Float64Array(functionCount);
  const total = new Float64Array(functionCount);
  for (let i = 1; i < tree.n; i++) {
    const f = tree.func[i]!;
    if (f < 0) continue;
    self[f]! += values.self[i]!;
    if (tree.outermost[i]) total[f]! += values.total[i]!;
  }
  return { self, total };
}

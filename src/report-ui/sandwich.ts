/**
 * Sandwich view of one function, as speedscope does it: callers above (every call path
 * that leads to it, merged), callees below (every subtree under it, merged). Only the
 * outermost occurrence on each stack counts, so a recursive function is counted once and
 * the sandwich's total equals the function table's total.
 */
import { totalsFromSelf, type FlameTree, type Values } from './tree.js';

export interface SandwichTrees {
  func: number;
  callers: { parent: Int32Array; func: Int32Array; head: Values; base: Values | null };
  callees: { parent: Int32Array; func: Int32Array; head: Values; base: Values | null };
}

class Trie {
  parent: number[];
  func: number[];
  headSelf: number[] = [0];
  baseSelf: number[] = [0];
  private ids = new Map<string, number>();
  constructor(root: number) {
    this.parent = [-1];
    this.func = [root];
  }
  child(p: number, f: number): number {
    const key = `${p},${f}`;
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.parent.length;
      this.parent.push(p);
      this.func.push(f);
      this.headSelf.push(0);
      this.baseSelf.push(0);
      this.ids.set(key, id);
    }
    return id;
  }
  build(hasBase: boolean): SandwichTrees['callers'] {
    const parent = Int32Array.from(this.parent);
    return {
      parent,
      func: Int32Array.from(this.func),
      head: totalsFromSelf(parent, Float64Array.from(this.headSelf)),
      base: hasBase ? totalsFromSelf(parent, Float64Array.from(this.baseSelf)) : null,
    };
  }
}

export function buildSandwich(tree: FlameTree, fn: number): SandwichTrees {
  const callers = new Trie(fn);
  const callees = new Trie(fn);
  const hb = tree.base;
  for (let i = 1; i < tree.n; i++) {
    if (tree.func[i] !== fn || !tree.outermost[i]) continue;
    const ht = tree.head.total[i]!;
    const bt = hb ? hb.total[i]! : 0;
    if (ht === 0 && bt === 0) continue;
    // Callers: the path from this occurrence up to (not including) the synthetic root.
    let c = 0;
    for (let p = tree.parent[i]!; p > 0; p = tree.parent[p]!) c = callers.child(c, tree.func[p]!);
    callers.headSelf[c]! += ht;
    callers.baseSelf[c]! += bt;
    // Callees: this occurrence's subtree, merged by function path.
    callees.headSelf[0]! += tree.head.self[i]!;
    callees.baseSelf[0]! += hb ? hb.self[i]! : 0;
    const stack: [number, number][] = [[i, 0]];
    while (stack.length) {
      const [m, t] = stack.pop()!;
      for (let k = tree.kidsStart[m]!; k < tree.kidsStart[m + 1]!; k++) {
        const kid = tree.kids[k]!;
        const hs = tree.head.total[kid]!;
        const bs = hb ? hb.total[kid]! : 0;
        if (hs === 0 && bs === 0) continue;
        const tk = callees.child(t, tree.func[kid]!);
        callees.headSelf[tk]! += tree.head.self[kid]!;
        callees.baseSelf[tk]! += hb ? hb.self[kid]! : 0;
        stack.push([kid, tk]);
      }
    }
  }
  return { func: fn, callers: callers.build(!!hb), callees: callees.build(!!hb) };
}

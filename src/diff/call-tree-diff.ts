/**
 * The call paths that changed, base vs head: both profiles folded into one root-first
 * call tree keyed by function, each node carrying its total time on each side. Pruned to
 * the paths that lead to a reported function and moved by at least the ms threshold, so
 * a reviewer sees how the code reached the regression, not the whole tree.
 */
import { functionKey, type FunctionFrame, type Profile, timeValueIndex } from '../profile/model.js';
import type { ProfileDiff } from './function-diff.js';

export interface ChangedPathNode {
  frame: FunctionFrame;
  baseNs: number;
  headNs: number;
  /** Whether this frame is itself a reported regression or improvement. */
  reported: boolean;
  /** Pass-through frames hidden between the parent and this node (same change, one child). */
  elided?: number;
  children: ChangedPathNode[];
}

interface FoldNode {
  frame: FunctionFrame;
  base: number;
  head: number;
  children: Map<string, FoldNode>;
}

function fold(root: FoldNode, profile: Profile, side: 'base' | 'head'): void {
  const vi = timeValueIndex(profile);
  for (const s of profile.samples) {
    const v = s.values[vi] ?? 0;
    if (v === 0) continue;
    let node = root;
    node[side] += v;
    for (let i = s.stack.length - 1; i >= 0; i--) {
      const frame = profile.functions[s.stack[i]!]!;
      if (frame.name === '(root)' && frame.file === '') continue;
      const key = functionKey(frame);
      let child = node.children.get(key);
      if (!child) {
        child = { frame, base: 0, head: 0, children: new Map() };
        node.children.set(key, child);
      }
      child[side] += v;
      node = child;
    }
  }
}

export interface ChangedPathOptions {
  /** Smallest |head - base| a node needs to be shown, ns. */
  minDeltaNs: number;
  maxNodes?: number;
  maxDepth?: number;
}

/** Returns the top-level changed nodes (children of the synthetic root). */
export function changedPaths(base: Profile, head: Profile, diff: Pick<ProfileDiff, 'regressions' | 'improvements'>, opts: ChangedPathOptions): ChangedPathNode[] {
  const reported = new Set([...diff.regressions, ...diff.improvements].map((r) => r.key));
  if (reported.size === 0) return [];
  const root: FoldNode = { frame: { name: '(root)', file: '', line: 0 }, base: 0, head: 0, children: new Map() };
  fold(root, base, 'base');
  fold(root, head, 'head');
  const maxNodes = opts.maxNodes ?? 60;
  const maxDepth = opts.maxDepth ?? 24;
  let budget = maxNodes;

  // A node stays when it moved enough and a reported function sits at or below it.
  const leadsToReported = new Map<FoldNode, boolean>();
  const leads = (n: FoldNode): boolean => {
    const cached = leadsToReported.get(n);
    if (cached !== undefined) return cached;
    let r = reported.has(functionKey(n.frame));
    for (const c of n.children.values()) if (leads(c)) r = true;
    leadsToReported.set(n, r);
    return r;
  };
  const keep = (n: FoldNode): boolean => Math.abs(n.head - n.base) >= opts.minDeltaNs && leads(n);

  const build = (n: FoldNode, depth: number): ChangedPathNode[] => {
    if (depth >= maxDepth) return [];
    const kids = [...n.children.values()].filter(keep).sort((a, b) => Math.abs(b.head - b.base) - Math.abs(a.head - a.base));
    const out: ChangedPathNode[] = [];
    for (let k of kids) {
      if (budget <= 0) break;
      budget--;
      // Runtime and framework plumbing often forms long single-child chains that carry
      // the same change: keep the chain's first frame, hide the middle, keep its last.
      let elided = 0;
      if (depth > 0) {
        for (;;) {
          const only = [...k.children.values()].filter(keep);
          const next = only[0];
          if (only.length !== 1 || !next || reported.has(functionKey(k.frame))) break;
          const grand = [...next.children.values()].filter(keep);
          if (grand.length !== 1 || reported.has(functionKey(next.frame))) break;
          k = next;
          elided++;
        }
      }
      const node: ChangedPathNode = { frame: k.frame, baseNs: k.base, headNs: k.head, reported: reported.has(functionKey(k.frame)), children: build(k, depth + 1) };
      if (elided) node.elided = elided;
      out.push(node);
    }
    return out;
  };
  return build(root, 0);
}

/**
 * An edit above a function moves its line; a TypeScript file mapped in one run and not in
 * the other gives its functions other lines. Either way the function must stay one row.
 */
import { describe, expect, it } from 'vitest';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { alignMovedFunctions, movedLines } from '../../src/diff/moved-functions.js';
import { ProfileBuilder, type Profile } from '../../src/profile/model.js';

const MS = 1_000_000;

/** One sample per ms: `counts` maps "caller;callee@line" stacks (root first) to self ms; file src/app.js. */
function profile(counts: Record<string, number>): Profile {
  const b = new ProfileBuilder();
  for (const [path, ms] of Object.entries(counts)) {
    const stack = path
      .split(';')
      .map((n) => {
        const [name, line] = n.split('@');
        return b.functionId(name!, 'src/app.js', Number(line ?? 1));
      })
      .reverse();
    b.addSample(stack, [ms, ms * MS]);
  }
  return b.build();
}

const rowNames = (d: ReturnType<typeof diffProfiles>) => ({ regressions: d.regressions.map((r) => `${r.frame.name}@${r.frame.line}`), improvements: d.improvements.map((r) => `${r.frame.name}@${r.frame.line}`) });

describe('functions that moved between base and head', () => {
  const base = profile({ 'main@1;parse@10': 800, 'main@1;render@40': 600, 'main@1;(anonymous)@50': 300, 'main@1;(anonymous)@60': 200 });
  // Three lines added above parse: everything below moved by 3, the time is the same.
  const head = profile({ 'main@1;parse@13': 805, 'main@1;render@43': 598, 'main@1;(anonymous)@53': 296, 'main@1;(anonymous)@63': 205 });

  it('without alignment an edit above a function reads as one function gone and a new one', () => {
    expect(rowNames(diffProfiles(base, head))).toEqual({ regressions: ['parse@13', 'render@43', '(anonymous)@53', '(anonymous)@63'], improvements: ['parse@10', 'render@40', '(anonymous)@50', '(anonymous)@60'] });
  });

  it('gives base functions the lines they moved to, so the same code twice has no row', () => {
    const [aligned] = alignMovedFunctions([base], [head]);
    expect(aligned!.functions.map((f) => `${f.name}@${f.line}`).sort()).toEqual(['(anonymous)@53', '(anonymous)@63', 'main@1', 'parse@13', 'render@43']);
    expect(rowNames(diffProfiles(aligned!, head))).toEqual({ regressions: [], improvements: [] });
  });

  it('still reports a moved function that got slower, at its head line', () => {
    const slower = profile({ 'main@1;parse@13': 1600, 'main@1;render@43': 598, 'main@1;(anonymous)@53': 296, 'main@1;(anonymous)@63': 205 });
    const [aligned] = alignMovedFunctions([base], [slower]);
    expect(rowNames(diffProfiles(aligned!, slower))).toEqual({ regressions: ['parse@13'], improvements: [] });
  });

  it('pairs by the common offset when the head added a function of the same name', () => {
    // A new anonymous function at line 20 pushed the two below it by 5 lines.
    const moved = movedLines([base], [profile({ 'main@1;parse@10': 800, 'main@1;(anonymous)@20': 50, 'main@1;render@45': 600, 'main@1;(anonymous)@55': 300, 'main@1;(anonymous)@65': 200 })]);
    expect(Object.fromEntries([...moved].map(([k, v]) => [k.split('\u0000').join(' '), v]))).toEqual({ 'render src/app.js 40': 45, '(anonymous) src/app.js 50': 55, '(anonymous) src/app.js 60': 65 });
  });

  it('leaves functions alone that both sides have, and V8 pseudo-frames and unknown lines', () => {
    const b = new ProfileBuilder();
    b.addSample([b.functionId('(garbage collector)', '', 0)], [5, 5 * MS]);
    b.addSample([b.functionId('anon', 'src/x.js', 0)], [5, 5 * MS]);
    const h = new ProfileBuilder();
    h.addSample([h.functionId('(garbage collector)', '', 0)], [5, 5 * MS]);
    h.addSample([h.functionId('anon', 'src/x.js', 7)], [5, 5 * MS]);
    const bp = b.build();
    expect(alignMovedFunctions([bp], [h.build()])[0]).toBe(bp);
    expect(alignMovedFunctions([base], [base])[0]).toBe(base);
  });
});

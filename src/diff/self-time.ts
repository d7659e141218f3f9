/**
 * Self time per function key, the quantity every test in diff/ compares, with one rule for
 * what counts: V8's pseudo-frames say where time went (waiting, the VM, the collector), not
 * what code to change, so they are never a function's self time. Keys match across
 * profiles (function ids do not).
 */
import { CIPROF_FRAME, functionKey, GC_FRAME, IDLE_FRAME, PROGRAM_FRAME, timeValueIndex, type FunctionFrame, type Profile } from '../profile/model.js';
import { TEST_FILE_LABEL } from '../profile/tests.js';

/** V8 pseudo-frames and ciprof's own work (`(ciprof)`): never reported as rows, never self time. */
export const isPseudo = (f: FunctionFrame): boolean =>
  f.file === '' && (f.name === IDLE_FRAME || f.name === PROGRAM_FRAME || f.name === GC_FRAME || f.name === CIPROF_FRAME || f.name === '(root)');

/** Samples outside any test file (module loading, runner) form one more unit. */
const NO_FILE = '\u0000(outside tests)';

/**
 * Self ns per function key, per unit: `unitOf` names a sample's unit (the whole profile, a
 * test file); samples whose leaf is a pseudo-frame are left out.
 */
function selfByUnit(profile: Profile, unitOf: (labels: Profile['samples'][number]['labels']) => string): Map<string, Map<string, number>> {
  const vi = timeValueIndex(profile);
  const keys = profile.functions.map(functionKey);
  const pseudo = profile.functions.map(isPseudo);
  const out = new Map<string, Map<string, number>>();
  for (const s of profile.samples) {
    const leaf = s.stack[0];
    if (leaf === undefined || pseudo[leaf]) continue;
    const unit = unitOf(s.labels);
    let m = out.get(unit);
    if (!m) out.set(unit, (m = new Map()));
    const k = keys[leaf]!;
    m.set(k, (m.get(k) ?? 0) + (s.values[vi] ?? 0));
  }
  return out;
}

/** Self time (ns) per function key over a whole profile. */
export function selfByFunctionKey(profile: Profile): Map<string, number> {
  return selfByUnit(profile, () => '').get('') ?? new Map();
}

/** Self ns per function key, per test file (the units of the paired bootstrap and the per-file variance). */
export function selfByTestFile(profile: Profile): Map<string, Map<string, number>> {
  return selfByUnit(profile, (labels) => {
    const file = labels[TEST_FILE_LABEL];
    return file === undefined || file === '(setup)' ? NO_FILE : String(file);
  });
}

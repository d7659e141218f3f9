/**
 * Like with like: when the profiles carry test labels, the function diff looks only at
 * samples of tests (and test files) present on both sides. A test added in the head
 * would otherwise show its functions as "slower" and shift every share; added and
 * removed tests are reported apart (test-diff.ts).
 */
import type { Profile } from '../profile/model.js';
import { readTestWalls, testKey, TEST_FILE_LABEL, TEST_NAME_LABEL } from '../profile/tests.js';

export interface CommonTestView {
  base: Profile;
  head: Profile;
  /** Tests present on one side only, whose samples were left out. */
  baseOnlyTests: number;
  headOnlyTests: number;
}

interface Presence {
  tests: Set<string>;
  files: Set<string>;
}

function presence(p: Profile): Presence {
  const tests = new Set<string>();
  const files = new Set<string>();
  for (const [key, w] of readTestWalls(p)) {
    tests.add(key);
    files.add(w.file);
  }
  for (const s of p.samples) {
    const file = s.labels[TEST_FILE_LABEL];
    if (file === undefined) continue;
    files.add(String(file));
    const name = s.labels[TEST_NAME_LABEL];
    if (name !== undefined) tests.add(testKey(String(file), String(name)));
  }
  return { tests, files };
}

function keep(p: Profile, other: Presence): Profile {
  return {
    ...p,
    samples: p.samples.filter((s) => {
      const file = s.labels[TEST_FILE_LABEL];
      if (file === undefined || file === '(setup)') return true;
      const name = s.labels[TEST_NAME_LABEL];
      return name === undefined ? other.files.has(String(file)) : other.tests.has(testKey(String(file), String(name)));
    }),
  };
}

export function restrictToCommonTests(base: Profile, head: Profile): CommonTestView {
  const b = presence(base);
  const h = presence(head);
  if (b.tests.size === 0 || h.tests.size === 0) return { base, head, baseOnlyTests: 0, headOnlyTests: 0 };
  const baseOnlyTests = [...b.tests].filter((t) => !h.tests.has(t)).length;
  const headOnlyTests = [...h.tests].filter((t) => !b.tests.has(t)).length;
  if (baseOnlyTests === 0 && headOnlyTests === 0) return { base, head, baseOnlyTests, headOnlyTests };
  return { base: keep(base, h), head: keep(head, b), baseOnlyTests, headOnlyTests };
}

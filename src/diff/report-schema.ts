/**
 * diff.json is read back by `ciprof comment` and the Action's report mode, usually in a
 * privileged workflow, from a file a fork's job may have written. So it is validated on
 * load against the exact shape ciprof writes: unknown fields and wrong types are refused,
 * every number is finite (or the null that Infinity and NaN serialize to, where the
 * writer produces them), strings and arrays have size limits, the call tree a depth
 * limit, and identifiers (commits, repository, job key, URLs) their own alphabet.
 *
 * The shape is typed against DiffReport field by field, so adding a field to the report
 * without teaching it here is a compile error, not a report that no longer loads.
 * Errors are one line: `<file>: <field path>: <problem>`.
 */
import { sanitizeJobKey } from '../ci/context.js';
import type { ChangedPathNode } from './call-tree-diff.js';
import { DIFF_REPORT_SCHEMA, type BaselineProvenance, type DiffReport } from './report-types.js';
import type { DiffThresholds, FunctionDelta, NoiseModel, ProfileDiff, SideStats, SuiteTotals } from './function-diff.js';
import type { ChangeInterval } from './noise.js';
import type { Decision } from './decision.js';
import type { BaseHead, FunctionChange, TestOnlyOnOneSide } from './test-diff.js';
import type { SignificantTestChange, TestSection } from './test-significance.js';
import type { FunctionFrame } from '../profile/model.js';
import type { AllocDiff, AllocRow, AllocSide, AllocThresholds } from './alloc-diff.js';

export const DIFF_REPORT_LIMITS = {
  /** The whole file. A real report with every function row is a few MB. */
  fileBytes: 32 * 1024 * 1024,
  /** Any one string (a minified function name, a parameterized test name). */
  stringChars: 16 * 1024,
  /** Rows of any one list (functions, tests, a node's children). */
  listItems: 200_000,
  /** Every value in the document together. */
  values: 5_000_000,
  /** Nesting of the changed call paths. */
  pathDepth: 256,
};

export class ReportSchemaError extends Error {}

interface Walk {
  values: number;
  depth: number;
}

type Check<T> = (value: unknown, at: string, walk: Walk) => T;

const fail = (at: string, problem: string): never => {
  throw new ReportSchemaError(`${at || 'the report'}: ${problem}`);
};

const describe = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'string' ? 'a string' : typeof v === 'object' ? 'an object' : String(typeof v));

function count(walk: Walk, at: string): void {
  if (++walk.values > DIFF_REPORT_LIMITS.values) fail(at, `more than ${DIFF_REPORT_LIMITS.values} values`);
}

function optional<T>(check: Check<T>): Check<T | undefined> {
  return (v, at, walk) => (v === undefined ? undefined : check(v, at, walk));
}

function literal<T extends string | boolean>(expected: T): Check<T> {
  return (v, at, walk) => {
    count(walk, at);
    return v === expected ? expected : fail(at, `expected ${JSON.stringify(expected)}`);
  };
}

function oneOf<T extends string>(...allowed: T[]): Check<T> {
  return (v, at, walk) => {
    count(walk, at);
    return typeof v === 'string' && (allowed as string[]).includes(v) ? (v as T) : fail(at, `expected one of ${allowed.join(', ')}`);
  };
}

const bool: Check<boolean> = (v, at, walk) => {
  count(walk, at);
  return typeof v === 'boolean' ? v : fail(at, `expected true or false, got ${describe(v)}`);
};

interface NumberRule {
  min?: number;
  integer?: boolean;
  /** What a JSON null stands for (the writer turns Infinity and NaN into null). */
  nullMeans?: number;
}

function number(rule: NumberRule = {}): Check<number> {
  return (v, at, walk) => {
    count(walk, at);
    if (v === null && rule.nullMeans !== undefined) return rule.nullMeans;
    if (typeof v !== 'number' || !Number.isFinite(v)) return fail(at, `expected a finite number, got ${describe(v)}`);
    if (rule.integer && !Number.isInteger(v)) fail(at, 'expected a whole number');
    if (rule.min !== undefined && v < rule.min) fail(at, `expected at least ${rule.min}`);
    return v;
  };
}

const finite = number();
const nonNegative = number({ min: 0 });
const whole = number({ min: 0, integer: true });
/** A change in % that is Infinity for a new function or test. */
const pctOrNew = number({ nullMeans: Infinity });
/** A statistic that may be NaN (no data) or infinite. */
const stat = number({ nullMeans: NaN });

function string(maxChars = DIFF_REPORT_LIMITS.stringChars, pattern?: { re: RegExp; what: string }): Check<string> {
  return (v, at, walk) => {
    count(walk, at);
    if (typeof v !== 'string') return fail(at, `expected a string, got ${describe(v)}`);
    if (v.length > maxChars) fail(at, `longer than ${maxChars} characters`);
    if (pattern && !pattern.re.test(v)) fail(at, `not ${pattern.what}`);
    return v;
  };
}

const text = string();
const commit = string(64, { re: /^[0-9a-f]{4,64}$/i, what: 'a commit id' });
const repository = string(256, { re: /^[A-Za-z0-9_.-]+(\/[A-Za-z0-9_.-]+)+$/, what: 'a repository path (owner/name)' });

const httpUrl: Check<string> = (v, at, walk) => {
  const s = string(2048)(v, at, walk);
  let protocol = '';
  try {
    protocol = new URL(s).protocol;
  } catch {
    // reported below
  }
  return protocol === 'https:' || protocol === 'http:' ? s : fail(at, 'not an http(s) URL');
};

const jobKey: Check<string> = (v, at, walk) => {
  const s = string(256)(v, at, walk);
  return sanitizeJobKey(s) === s ? s : fail(at, 'not a job key (letters, digits, . _ -)');
};

function list<T>(item: Check<T>, maxItems = DIFF_REPORT_LIMITS.listItems): Check<T[]> {
  return (v, at, walk) => {
    count(walk, at);
    if (!Array.isArray(v)) return fail(at, `expected a list, got ${describe(v)}`);
    if (v.length > maxItems) fail(at, `more than ${maxItems} items`);
    return v.map((x, i) => item(x, `${at}[${i}]`, walk));
  };
}

/** A field name from the file, printable in a one-line error. */
const fieldName = (k: string): string => JSON.stringify(k.length > 40 ? `${k.slice(0, 40)}…` : k).replace(/[^\x20-\x7e]/g, '?');

/** Exactly these fields: each checked, none unknown, optional ones may be absent. */
function object<T>(shape: { [K in keyof T]-?: Check<T[K]> }): Check<T> {
  const known = new Set(Object.keys(shape));
  return (v, at, walk) => {
    count(walk, at);
    if (typeof v !== 'object' || v === null || Array.isArray(v)) return fail(at, `expected an object, got ${describe(v)}`);
    for (const k of Object.keys(v)) if (!known.has(k)) fail(at, `unknown field ${fieldName(k)}`);
    const out: Record<string, unknown> = {};
    for (const k of known) {
      const checked = (shape as Record<string, Check<unknown>>)[k]!((v as Record<string, unknown>)[k], at ? `${at}.${k}` : k, walk);
      if (checked !== undefined) out[k] = checked;
    }
    return out as T;
  };
}

const frame = object<FunctionFrame>({ name: text, file: text, line: whole });
// Sample counts are averages when several runs of a commit are combined: not always whole.
const side = object<SideStats>({ selfNs: nonNegative, totalNs: nonNegative, selfSamples: nonNegative, totalSamples: nonNegative });
const interval = object<ChangeInterval>({
  method: oneOf('sampling', 'test-files', 'runs'),
  level: finite,
  lowPct: stat,
  highPct: stat,
  pValue: stat,
  units: optional(whole),
});

const functionDelta = object<FunctionDelta>({
  key: text,
  frame,
  base: side,
  head: side,
  selfDeltaNs: finite,
  totalDeltaNs: finite,
  selfDeltaPct: pctOrNew,
  adjustedPct: pctOrNew,
  baseSelfSharePct: stat,
  headSelfSharePct: stat,
  pValue: stat,
  qValue: stat,
  status: oneOf('regression', 'improvement', 'noise', 'too-small'),
  onlyIn: optional(oneOf('base', 'head')),
  interval: optional(interval),
  demotedBy: optional(oneOf('sampling', 'test-files', 'runs', 'cpu-clock')),
  blocked: optional(oneOf('bind', 'fs', 'io', 'spawnSync', 'zlib', 'crypto', 'dns', 'loader')),
  codeLoad: optional(oneOf('transform', 'module-load')),
  judgedBy: optional(oneOf('history', 'runs', 'prior')),
});

const totals = object<SuiteTotals>({
  cpuNs: nonNegative,
  idleNs: nonNegative,
  samples: nonNegative,
  blockedNs: optional(nonNegative),
  blockedSamples: optional(nonNegative),
  codeLoadNs: optional(nonNegative),
  codeLoadSamples: optional(nonNegative),
  wallMs: optional(nonNegative),
  processes: optional(whole),
  threads: optional(whole),
});

const noiseModel = object<NoiseModel>({
  sampling: literal(true),
  cpuClock: optional(bool),
  testFiles: optional(whole),
  runs: optional(object<NonNullable<NoiseModel['runs']>>({ base: whole, head: whole })),
  dispersion: optional(stat),
  speed: optional(
    object<NonNullable<NoiseModel['speed']>>({
      estimated: stat,
      applied: stat,
      weight: stat,
      prior: oneOf('same-environment', 'different-environment', 'unknown-environment', 'history'),
      priorSdPct: stat,
      historyPairs: optional(whole),
    }),
  ),
});

const thresholds = object<DiffThresholds>({ minSamples: nonNegative, minMs: nonNegative, minPct: nonNegative, alpha: nonNegative, minUnits: nonNegative });

const profileDiff = object<ProfileDiff>({
  base: totals,
  head: totals,
  suite: object<ProfileDiff['suite']>({ deltaNs: finite, deltaPct: pctOrNew, pValue: stat, significant: bool }),
  thresholds,
  functions: list(functionDelta),
  regressions: list(functionDelta),
  improvements: list(functionDelta),
  blocked: optional(list(functionDelta)),
  codeLoad: optional(list(functionDelta)),
  withinNoise: whole,
  verdict: oneOf('regression', 'improvement', 'no-change'),
  noiseModel,
  environmentWarnings: list(text, 100),
  excludedTests: object<ProfileDiff['excludedTests']>({ baseOnly: whole, headOnly: whole }),
  speedFactor: stat,
});

const pathNode: Check<ChangedPathNode> = (v, at, walk) => {
  if (++walk.depth > DIFF_REPORT_LIMITS.pathDepth) fail(at, `call paths nested deeper than ${DIFF_REPORT_LIMITS.pathDepth}`);
  const node = pathNodeFields(v, at, walk);
  walk.depth--;
  return node;
};
const pathNodeFields: Check<ChangedPathNode> = object<ChangedPathNode>({
  frame,
  baseNs: nonNegative,
  headNs: nonNegative,
  reported: bool,
  elided: optional(whole),
  children: list(pathNode),
});

const functionChange = object<FunctionChange>({ name: text, file: text, line: whole, baseMs: nonNegative, headMs: nonNegative, deltaMs: finite });
const baseHead = object<BaseHead>({ baseMs: nonNegative, headMs: nonNegative });
const testChange = object<SignificantTestChange>({
  file: text,
  name: text,
  baseMs: nonNegative,
  headMs: nonNegative,
  deltaMs: finite,
  deltaPct: pctOrNew,
  baseSamples: nonNegative,
  headSamples: nonNegative,
  functions: list(functionChange, 1000),
  qValue: stat,
  cpuClock: optional(baseHead),
  offCpu: optional(baseHead),
  wall: optional(baseHead),
});
const oneSided = object<TestOnlyOnOneSide>({ file: text, name: text, ms: nonNegative, samples: nonNegative });
const tests = object<TestSection>({ slower: list(testChange), faster: list(testChange), withinNoise: whole, offCpu: optional(whole), added: list(oneSided), removed: list(oneSided) });

const provenance = object<BaselineProvenance>({
  source: oneOf('file', 'store'),
  found: bool,
  commit: optional(commit),
  wanted: optional(commit),
  distance: optional(whole),
  reason: text,
  file: optional(text),
  store: optional(string(64)),
  runId: optional(number({ min: 1, integer: true })),
});

const allocSide = object<AllocSide>({ bytes: nonNegative, samples: nonNegative });
const allocRow = object<AllocRow>({
  frame: optional(frame),
  test: optional(object<NonNullable<AllocRow['test']>>({ file: text, name: text })),
  base: allocSide,
  head: allocSide,
  deltaBytes: finite,
  deltaPct: pctOrNew,
  pValue: stat,
  qValue: stat,
  status: oneOf('regression', 'improvement', 'noise', 'too-small'),
  unitsP: optional(stat),
});
const alloc = object<AllocDiff>({
  intervalBytes: whole,
  base: allocSide,
  head: allocSide,
  suiteDeltaPct: pctOrNew,
  dispersion: object<AllocDiff['dispersion']>({ aa: nonNegative, estimated: nonNegative, used: nonNegative, rows: whole }),
  units: whole,
  thresholds: object<AllocThresholds>({ minSamples: nonNegative, minPct: nonNegative, minSharePct: nonNegative, alpha: nonNegative, minUnits: nonNegative }),
  functions: list(allocRow),
  tests: list(allocRow),
  regressions: whole,
  improvements: whole,
  withinNoise: whole,
  verdict: oneOf('regression', 'improvement', 'no-change'),
});

const diffReport = object<DiffReport>({
  schema: literal(DIFF_REPORT_SCHEMA),
  ciprofVersion: string(64),
  jobKey,
  provider: optional(oneOf('github', 'gitlab', 'circleci', 'buildkite', 'local')),
  repository: optional(repository),
  serverUrl: optional(httpUrl),
  pr: optional(number({ min: 1, integer: true })),
  head: object<DiffReport['head']>({ commit: optional(commit), profile: optional(text) }),
  base: provenance,
  diff: optional(profileDiff),
  changedPaths: list(pathNode),
  links: object<DiffReport['links']>({ report: optional(httpUrl), summary: optional(httpUrl), run: optional(httpUrl), pyroscope: optional(httpUrl) }),
  tests: optional(tests),
  decision: optional(object<Decision>({ verdict: oneOf('regression', 'improvement', 'no-change'), headline: text, notes: list(text, 200) })),
  alloc: optional(alloc),
});

/** The report, checked and with its nulls revived; throws a ReportSchemaError naming the field. */
export function validateDiffReport(data: unknown): DiffReport {
  if (typeof data === 'object' && data !== null && (data as { schema?: unknown }).schema !== DIFF_REPORT_SCHEMA) {
    fail('schema', `not a ciprof diff report (schema ${DIFF_REPORT_SCHEMA} expected)`);
  }
  return diffReport(data, '', { values: 0, depth: 0 });
}

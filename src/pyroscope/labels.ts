/**
 * Series labels for Pyroscope, from the profile's metadata and the user's --label flags.
 *
 * Rules followed (grafana/pyroscope v2.2.1):
 * - label names: pkg/validation/validate.go sanitizes legacy names and rejects others;
 *   we only ever send `[a-zA-Z_][a-zA-Z0-9_]*`, the Prometheus rule both paths accept.
 *   Names starting with `__` are reserved (pkg/model/labels.go IsLabelAllowedForIngestion).
 * - service names (`service_name`, the /ingest `name`): api/model/labelset/validate.go
 *   allows letters, digits, `_ . - /`.
 * - values: pkg/validation/limits.go max_label_value_length defaults to 2048 bytes and a
 *   too-long value rejects the whole push, so we cap well below. The /ingest label-set
 *   parser (api/model/labelset/labelset.go) ends a value at `,` or `}` and trims spaces,
 *   so those are replaced: a value must read back the same through both protocols, or a
 *   baseline query would miss what was uploaded.
 * - max_label_names_per_series defaults to 30: user labels are capped.
 */
import { ProfileBuilder, type Labels, type Profile } from '../profile/model.js';
import type { LabelPair } from './messages.js';

export const MAX_LABEL_VALUE_CHARS = 256;
export const MAX_USER_LABELS = 12;
/** Sample labels kept by default: per-file rows are useful, per-test series would explode. */
export const DEFAULT_KEPT_SAMPLE_LABELS = ['test_file'];

const NAME_OK = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** `ci.provider` -> `ci_provider`, `1st` -> `_1st`; '' when nothing usable remains. */
export function sanitizeLabelName(raw: string): string {
  let name = raw.trim().replace(/[^a-zA-Z0-9_]/g, '_');
  if (name === '') return '';
  if (/^[0-9]/.test(name)) name = `_${name}`;
  return NAME_OK.test(name) ? name : '';
}

export function sanitizeLabelValue(raw: string): string {
  // eslint-disable-next-line no-control-regex
  const cleaned = raw.replace(/[\u0000-\u001f\u007f]/g, ' ').replace(/[,}]/g, '_').trim();
  const chars = Array.from(cleaned); // cap by code points: never split a surrogate pair
  return chars.length > MAX_LABEL_VALUE_CHARS ? chars.slice(0, MAX_LABEL_VALUE_CHARS).join('') : cleaned;
}

/** Application (service) name: letters, digits, `_ . - /`; never empty. */
export function sanitizeAppName(raw: string): string {
  const cleaned = raw.trim().replace(/[^a-zA-Z0-9_./-]+/g, '_').slice(0, MAX_LABEL_VALUE_CHARS);
  return cleaned.replace(/^_+|_+$/g, '') || 'ciprof';
}

/** Default --app: the repository's name (owner/name -> name), else the checkout's directory name. */
export function defaultAppName(repository: string | undefined, repoRoot: string | undefined): string {
  const fromRepo = repository?.split('/').filter(Boolean).pop()?.replace(/\.git$/, '');
  const fromDir = repoRoot?.split(/[\\/]/).filter(Boolean).pop();
  return sanitizeAppName(fromRepo || fromDir || 'ciprof');
}

/** The CPU profile types our uploads create (profileTypeIds), as baseline queries name them. */
export const CPU_TIME_TYPE = 'process_cpu:cpu:nanoseconds:cpu:nanoseconds';
export const CPU_SAMPLES_TYPE = 'process_cpu:samples:count:cpu:nanoseconds';

/** Profile metadata key -> Pyroscope label name, in the order labels are sent. */
const META_LABELS: readonly (readonly [string, string])[] = [
  ['commit', 'commit'],
  ['branch', 'branch'],
  ['pr', 'pr'],
  ['ci.provider', 'ci_provider'],
  ['ci.workflow', 'workflow'],
  ['ci.job', 'job'],
  ['ci.matrix', 'matrix'],
  ['job_key', 'job_key'],
];

/** Parses repeated `--label k=v`; a malformed one is reported, not fatal. */
export function parseUserLabels(specs: readonly string[], warn: (line: string) => void): Record<string, string> {
  const out: Record<string, string> = {};
  for (const spec of specs) {
    const eq = spec.indexOf('=');
    const name = eq > 0 ? sanitizeLabelName(spec.slice(0, eq)) : '';
    if (!name || name.startsWith('__') || name === 'service_name') {
      warn(`--label "${spec}" ignored: expected name=value with a name other than service_name or __*`);
      continue;
    }
    if (Object.keys(out).length >= MAX_USER_LABELS && !(name in out)) {
      warn(`--label "${spec}" ignored: at most ${MAX_USER_LABELS} user labels (Pyroscope limits labels per series)`);
      continue;
    }
    out[name] = spec.slice(eq + 1);
  }
  return out;
}

/**
 * The profile type name Pyroscope files these samples under (`__name__`). Our profiles
 * carry cpu/nanoseconds (V8 CPU profiler) or wall/nanoseconds (wall-time agent); the
 * /ingest path derives the same names from the sample types.
 */
export function profileTypeName(profile: Pick<Profile, 'sampleTypes'>): string {
  if (profile.sampleTypes.some((t) => t.type === 'wall')) return 'wall';
  if (profile.sampleTypes.some((t) => t.type.includes('cpu'))) return 'process_cpu';
  // Pyroscope's own rule for allocation types (pkg/og/convert/pprof/profile.go metricName).
  if (profile.sampleTypes.some((t) => t.type.startsWith('alloc_'))) return 'memory';
  return profile.sampleTypes[profile.sampleTypes.length - 1]?.type ?? 'process_cpu';
}

/** Profile type IDs (`name:type:unit:period_type:period_unit`) Pyroscope stores for this profile. */
export function profileTypeIds(profile: Pick<Profile, 'sampleTypes' | 'periodType'>): string[] {
  const name = profileTypeName(profile);
  return profile.sampleTypes.map((t) => `${name}:${t.type}:${t.unit}:${profile.periodType.type}:${profile.periodType.unit}`);
}

/**
 * Labels identifying a run, without the reserved `__name__`: `service_name` first, then the
 * CI facts, then user labels (which may not override the CI facts: baseline queries rely on them).
 */
export function seriesLabels(app: string, meta: Readonly<Record<string, string>>, user: Readonly<Record<string, string>> = {}): LabelPair[] {
  const labels = new Map<string, string>([['service_name', sanitizeAppName(app)]]);
  for (const [key, name] of META_LABELS) {
    const v = meta[key];
    if (v !== undefined && v !== '') labels.set(name, sanitizeLabelValue(v));
  }
  for (const [rawName, v] of Object.entries(user)) {
    const name = sanitizeLabelName(rawName);
    if (name && !labels.has(name) && !name.startsWith('__')) labels.set(name, sanitizeLabelValue(v));
  }
  return [...labels].filter(([, v]) => v !== '').map(([name, value]) => ({ name, value }));
}

/**
 * Pyroscope turns every distinct set of pprof sample labels into its own series
 * (pkg/model/pprofsplit), so pid/thread/test_name labels would multiply the series per
 * upload. Keep only the allowed names (values capped like series labels, since they become
 * series labels) and re-aggregate samples that became identical.
 */
export function stripSampleLabels(profile: Profile, keep: readonly string[] = DEFAULT_KEPT_SAMPLE_LABELS): Profile {
  const allowed = new Set(keep);
  const builder = new ProfileBuilder(profile.sampleTypes, profile.periodType, profile.period);
  builder.timeNanos = profile.timeNanos;
  builder.durationNanos = profile.durationNanos;
  builder.meta = { ...profile.meta };
  for (const f of profile.functions) builder.functionId(f.name, f.file, f.line);
  for (const s of profile.samples) {
    const labels: Record<string, string | number> = {};
    for (const [k, v] of Object.entries(s.labels as Labels)) {
      const name = sanitizeLabelName(k);
      if (allowed.has(k) && name) labels[name] = typeof v === 'string' ? sanitizeLabelValue(v) : v;
    }
    builder.addSample(s.stack, s.values, labels);
  }
  return builder.build();
}

/** A PromQL-style equality selector, `{service_name="app",commit="abc"}`, values escaped. */
export function labelSelector(labels: readonly LabelPair[]): string {
  const esc = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
  return `{${labels.map((l) => `${l.name}="${esc(l.value)}"`).join(',')}}`;
}

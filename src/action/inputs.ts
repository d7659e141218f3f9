/**
 * Reads the Action's inputs once (the actions/checkout input-helper), so the rest of the
 * Action never calls core.getInput, and turns them into the pipeline's settings input.
 */
import * as core from '@actions/core';
import { withAllocSampling } from '../agent/protocol.js';
import { maskSecret, maskUrlCredentials } from '../ci/mask.js';
import type { RegressionGate } from '../pipeline/publish.js';
import type { SettingsInput } from '../pipeline/settings.js';
import type { PyroscopeFlags } from '../pyroscope/settings.js';
import { DEFAULT_THRESHOLDS, type DiffThresholds } from '../diff/function-diff.js';

export type ActionMode = 'collect' | 'report' | 'all';

export interface ActionInputs {
  mode: ActionMode;
  /** Shell command line for the tests (needed unless mode is report). */
  run: string;
  workingDirectory: string;
  githubToken: string;
  comment: boolean;
  /** Base ref/commit/file; empty = the PR's base branch (merge-base). */
  base: string;
  failOnRegression: boolean;
  thresholds: DiffThresholds;
  /** Keep launcher processes (npm, npx, pnpm, yarn) in the diff's rows and verdicts. */
  includeLaunchers: boolean;
  uploadArtifact: boolean;
  jobKey: string;
  /** The matrix leg (`${{ toJson(matrix) }}`), folded into the job key; '' outside a matrix. */
  matrix: string;
  /** A saved diff.json to publish instead of diffing (mode report in a workflow_run job). */
  reportFile: string;
  /** Where ciprof writes profile.pb.gz, diff.json, comment.md, report.html. */
  outDir: string;
  /** Grafana Pyroscope connection (upload after collect, diff link in the comment); server empty = off. */
  pyroscope: PyroscopeFlags;
  /** Sample allocations too (`ciprof run --alloc`). */
  alloc: boolean;
  /** What fail-on-regression looks at: CPU time or allocations only (`ciprof diff --gate`). */
  gate: RegressionGate;
}

/**
 * An input's value. The runner evaluates action.yml's `${{ }}` defaults; runners that do
 * not (GitHub's @github/local-action passes them through as text) would hand us the
 * expression itself, as a token or a matrix: such a value counts as not set.
 */
function input(name: string): string {
  const raw = core.getInput(name);
  return /^\s*\$\{\{[\s\S]*\}\}\s*$/.test(raw) ? '' : raw;
}

function bool(name: string, fallback: boolean): boolean {
  const raw = input(name).trim().toLowerCase();
  if (raw === '') return fallback;
  if (['true', 'yes', '1', 'on'].includes(raw)) return true;
  if (['false', 'no', '0', 'off'].includes(raw)) return false;
  throw new Error(`input ${name} must be true or false, got "${raw}"`);
}

function num(name: string, fallback: number, check: (n: number) => boolean): number {
  const raw = input(name).trim();
  if (raw === '') return fallback;
  const n = Number(raw);
  if (!Number.isFinite(n) || !check(n)) throw new Error(`input ${name} is not valid: "${raw}"`);
  return n;
}

function gateInput(): RegressionGate {
  const raw = core.getInput('gate').trim() || 'cpu';
  if (raw !== 'cpu' && raw !== 'alloc') throw new Error(`input gate must be cpu or alloc, got "${raw}"`);
  return raw;
}

export function readInputs(): ActionInputs {
  const mode = (input('mode').trim() || 'all') as ActionMode;
  if (!['collect', 'report', 'all'].includes(mode)) throw new Error(`input mode must be collect, report or all, got "${mode}"`);
  const run = input('run');
  const reportFile = input('report-file').trim();
  if (mode !== 'report' && !run.trim()) throw new Error(`input run (the test command) is required in mode ${mode}`);
  const settings: ActionInputs = {
    mode,
    run,
    workingDirectory: input('working-directory').trim() || '.',
    githubToken: input('github-token').trim(),
    comment: bool('comment', true),
    base: input('base').trim(),
    failOnRegression: bool('fail-on-regression', false),
    thresholds: {
      minMs: num('min-ms', DEFAULT_THRESHOLDS.minMs, (n) => n >= 0),
      minPct: num('min-pct', DEFAULT_THRESHOLDS.minPct, (n) => n >= 0),
      alpha: num('alpha', DEFAULT_THRESHOLDS.alpha, (n) => n > 0 && n < 1),
      minSamples: num('min-samples', DEFAULT_THRESHOLDS.minSamples, (n) => n >= 0),
      minUnits: DEFAULT_THRESHOLDS.minUnits,
    },
    includeLaunchers: bool('include-launchers', false),
    uploadArtifact: bool('upload-artifact', true),
    alloc: bool('alloc', false),
    gate: gateInput(),
    jobKey: input('job-key').trim(),
    matrix: matrixKey(input('matrix')),
    reportFile,
    outDir: input('out-dir').trim() || '.ciprof',
    pyroscope: {
      server: input('pyroscope-url').trim() || undefined,
      app: input('pyroscope-app').trim() || undefined,
      token: input('pyroscope-token').trim() || undefined,
      basicAuth: input('pyroscope-basic-auth').trim() || undefined,
      tenant: input('pyroscope-tenant').trim() || undefined,
      labels: input('pyroscope-labels').trim() || undefined,
    },
  };
  maskInputSecrets(settings);
  return settings;
}

/**
 * Registers every secret input with the one masker (ci/mask.ts) before anything could print
 * it: masked in the log (`::add-mask::`) in the forms it travels in (as is, base64 as in a
 * Basic header, URL-encoded) and replaced by *** in every message and file ciprof writes.
 * A password inside pyroscope-url (`https://user:pass@host`) is a secret too.
 */
function maskInputSecrets(a: ActionInputs): void {
  const { token, basicAuth, server } = a.pyroscope;
  for (const secret of [a.githubToken, token, basicAuth, basicAuth?.split(':').slice(1).join(':')]) maskSecret(secret);
  maskUrlCredentials(server);
}

/**
 * A matrix leg as a short, stable, readable job key part: the values ordered by their
 * keys, joined by '-' (`{"os":"ubuntu-24.04","node":24}` -> `24-ubuntu-24.04`). The legs
 * of one job share the keys, so the values tell them apart. '' without a matrix.
 */
export function matrixKey(raw: string): string {
  const text = raw.trim();
  if (!text || text === 'null') return '';
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return text;
  }
  if (value === null || value === undefined) return '';
  if (typeof value !== 'object') return String(value);
  return Object.keys(value)
    .sort()
    .map((k) => {
      const v = (value as Record<string, unknown>)[k];
      return typeof v === 'object' && v !== null ? JSON.stringify(v) : String(v);
    })
    .join('-');
}

/** The pipeline's settings input: the working directory is where the tests run and paths start. */
export function settingsInput(a: ActionInputs, env: NodeJS.ProcessEnv): SettingsInput {
  return {
    cwd: a.workingDirectory,
    // CIPROF_MATRIX set by hand still wins: it is how other CIs and older workflows name a leg.
    env: withAllocSampling(a.matrix && !env.CIPROF_MATRIX ? { ...env, CIPROF_MATRIX: a.matrix } : env, a.alloc),
    jobKey: a.jobKey || undefined,
    outDir: a.outDir,
    base: a.base || undefined,
    githubToken: a.githubToken || undefined,
    thresholds: a.thresholds,
    includeLaunchers: a.includeLaunchers,
    store: 'auto',
    pyroscope: a.pyroscope.server ? { flags: a.pyroscope, upload: true } : undefined,
  };
}

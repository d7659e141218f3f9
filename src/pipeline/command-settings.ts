/**
 * The settings a test command needs before it starts (settings.ts resolves the rest). Apart
 * from settings.ts so that `ciprof run` starts the command without loading CI detection,
 * the Pyroscope settings and the diff's defaults: those load while it runs.
 */
import * as path from 'node:path';

export interface CommandSettings {
  /** The working directory: where the command runs and relative paths start. */
  cwd: string;
  /** The user's environment, unchanged (collect takes ciprof's own secrets out for the tests). */
  env: NodeJS.ProcessEnv;
  /** Where profile.pb.gz, profile.json and report.html go. */
  outDir: string;
  intervalUs: number;
}

export function commandSettings(input: { cwd: string; env: NodeJS.ProcessEnv; outDir?: string; intervalUs?: number }): CommandSettings {
  const cwd = path.resolve(input.cwd);
  return { cwd, env: input.env, outDir: path.resolve(cwd, input.outDir ?? '.ciprof'), intervalUs: input.intervalUs ?? 1000 };
}

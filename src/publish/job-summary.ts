/** The GitHub job summary (GITHUB_STEP_SUMMARY), written through core.summary. */
import * as core from '@actions/core';
import type { PublishOutcome } from './outcome.js';

export async function writeJobSummary(markdown: string, env: Readonly<Record<string, string | undefined>> = process.env): Promise<PublishOutcome> {
  if (!env.GITHUB_STEP_SUMMARY) return { target: 'job-summary', status: 'skipped', message: 'no job summary here (GITHUB_STEP_SUMMARY is not set)' };
  try {
    await core.summary.addRaw(markdown, true).write();
    core.summary.emptyBuffer();
    return { target: 'job-summary', status: 'written', message: 'wrote the job summary' };
  } catch (err) {
    return { target: 'job-summary', status: 'failed', message: `could not write the job summary: ${(err as Error).message}` };
  }
}

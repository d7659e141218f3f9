/**
 * Uploads the HTML report as a single unzipped artifact (`skipArchive`), so the link in
 * the comment opens the page itself instead of a zip. Needs the Actions runtime
 * (ACTIONS_RUNTIME_TOKEN and the results service); elsewhere it does nothing.
 */
import { DefaultArtifactClient } from '@actions/artifact';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { sanitizeJobKey } from '../ci/context.js';
import { writeFileAtomic } from '../util/atomic-write.js';

export interface UploadedReport {
  id: number;
  /** The artifact's page under the workflow run, when the run is known. */
  url?: string;
}

export async function uploadReportArtifact(file: string, jobKey: string, env: NodeJS.ProcessEnv = process.env): Promise<UploadedReport | undefined> {
  if (!env.ACTIONS_RUNTIME_TOKEN) return undefined;
  // With skipArchive the artifact is the file: its name must be the file's base name.
  const name = `ciprof-report-${sanitizeJobKey(jobKey)}.html`;
  const staged = path.join(path.dirname(file), name);
  writeFileAtomic(staged, readFileSync(file));
  const res = await new DefaultArtifactClient().uploadArtifact(name, [staged], path.dirname(staged), { skipArchive: true });
  if (res.id === undefined) return undefined;
  const server = env.GITHUB_SERVER_URL ?? 'https://github.com';
  const url = env.GITHUB_REPOSITORY && env.GITHUB_RUN_ID ? `${server}/${env.GITHUB_REPOSITORY}/actions/runs/${env.GITHUB_RUN_ID}/artifacts/${res.id}` : undefined;
  return { id: res.id, ...(url ? { url } : {}) };
}

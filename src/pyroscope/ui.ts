/**
 * Link to Pyroscope's comparison (diff) flame graph of base vs head, for the PR comment.
 *
 * The route and parameters are those of the Pyroscope v1.x web UI (`/comparison-diff`,
 * registered in pkg/api/api.go; `leftQuery/leftFrom/leftUntil/rightQuery/rightFrom/
 * rightUntil` as also read by pkg/querier/http.go RenderDiff). v2.x servers still route
 * `/comparison-diff` to the UI (v2.2.1 pkg/api/api.go RegisterCatchAll), but the v2 embedded
 * UI has no comparison view yet; Grafana's Profiles Drilldown app is the v2 way to diff.
 */
import { CPU_TIME_TYPE, labelSelector, sanitizeAppName, sanitizeLabelValue } from './labels.js';

export interface DiffSide {
  commit: string;
  /** Unix ms window holding the profile(s). */
  from: number;
  until: number;
}

export interface DiffUrlOptions {
  server: string;
  app: string;
  jobKey: string;
  base: DiffSide;
  head: DiffSide;
  profileTypeId?: string;
}

export function pyroscopeDiffUrl(o: DiffUrlOptions): string {
  const type = o.profileTypeId ?? CPU_TIME_TYPE;
  const query = (commit: string): string =>
    type +
    labelSelector([
      { name: 'service_name', value: sanitizeAppName(o.app) },
      { name: 'job_key', value: sanitizeLabelValue(o.jobKey) },
      { name: 'commit', value: sanitizeLabelValue(commit) },
    ]);
  const params = new URLSearchParams({
    query: type + labelSelector([{ name: 'service_name', value: sanitizeAppName(o.app) }]),
    from: String(Math.min(o.base.from, o.head.from)),
    until: String(Math.max(o.base.until, o.head.until)),
    leftQuery: query(o.base.commit),
    leftFrom: String(o.base.from),
    leftUntil: String(o.base.until),
    rightQuery: query(o.head.commit),
    rightFrom: String(o.head.from),
    rightUntil: String(o.head.until),
  });
  return `${o.server.replace(/\/+$/, '')}/comparison-diff?${params}`;
}

/** What a publisher did, for logs and Action outputs. Publishing never throws past the publisher. */
export type PublishStatus = 'created' | 'updated' | 'written' | 'skipped' | 'failed';

export interface PublishOutcome {
  target: 'github-comment' | 'gitlab-note' | 'job-summary';
  status: PublishStatus;
  /** One line for the log; never contains a token. */
  message: string;
  url?: string;
}

/** HTTP statuses that mean "this token may not write here" (fork PRs, missing permissions). */
export function isPermissionStatus(status: number | undefined): boolean {
  return status === 401 || status === 403 || status === 404;
}

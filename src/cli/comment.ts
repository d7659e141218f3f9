import type { Command } from 'commander';
import { publishSavedReport } from '../pipeline/publish.js';
import { resolveSettings } from '../pipeline/settings.js';
import { cliLog, EXIT_USAGE, fail, parsePositiveInt } from './io.js';

interface CommentFlags {
  report: string;
  pr?: string;
  headSha?: string;
  summary: boolean;
  comment: boolean;
}

export function registerComment(program: Command): void {
  program
    .command('comment')
    .description('publish a saved diff report (diff.json from `ciprof diff`): PR comment / MR note and job summary. For a separate privileged workflow.')
    .option('--report <file>', 'the saved diff report', '.ciprof/diff.json')
    .option('--pr <n>', 'pull request / merge request number (default: from the workflow_run event, then from CI env; never from the report)')
    .option('--head-sha <sha>', "the commit the report must be about; comment only while it is the PR's head (required outside workflow_run, where the event gives it)")
    .option('--no-summary', 'do not write the GitHub job summary')
    .option('--no-comment', 'do not comment, only write the job summary')
    .action(async (flags: CommentFlags) => {
      const pr = flags.pr ? parsePositiveInt('--pr', flags.pr) : undefined;
      if (flags.headSha && !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(flags.headSha)) fail('--head-sha must be a full commit id', EXIT_USAGE);
      const s = resolveSettings({ cwd: process.cwd(), env: process.env }, cliLog);
      try {
        await publishSavedReport(s, flags.report, { pr, headSha: flags.headSha, summary: flags.summary, comment: flags.comment }, cliLog);
      } catch (err) {
        fail((err as Error).message);
      }
    });
}

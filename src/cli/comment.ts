import type { Command } from 'commander';
import { readDiffReport } from '../diff/diff-report.js';
import { renderDiffReport } from '../pipeline/outputs.js';
import { publish } from '../pipeline/publish.js';
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
    .option('--pr <n>', 'pull request / merge request number (default: from the report, then from CI env)')
    .option('--head-sha <sha>', "comment only if the PR's head commit is this one (workflow_run: github.event.workflow_run.head_sha)")
    .option('--no-summary', 'do not write the GitHub job summary')
    .option('--no-comment', 'do not comment, only write the job summary')
    .action(async (flags: CommentFlags) => {
      let report;
      try {
        // The report is re-rendered here from data, so a report written by a fork's
        // job cannot smuggle markdown or HTML into the comment: every name is escaped.
        report = readDiffReport(flags.report);
      } catch (err) {
        fail((err as Error).message);
      }
      const pr = flags.pr ? parsePositiveInt('--pr', flags.pr) : undefined;
      if (flags.headSha && !/^[0-9a-f]{40}([0-9a-f]{24})?$/i.test(flags.headSha)) fail('--head-sha must be a full commit id', EXIT_USAGE);
      const s = resolveSettings({ cwd: process.cwd(), env: process.env }, cliLog);
      await publish(s, renderDiffReport(report), { pr, expectHeadSha: flags.headSha, summary: flags.summary, comment: flags.comment }, cliLog);
    });
}

import type { Command } from 'commander';
import { detectCi } from '../ci/detect.js';
import { localGitFacts } from '../ci/git.js';
import { EXIT_USAGE, fail, parsePositiveInt, warn } from './io.js';

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
      const ci = detectCi(process.env, { git: localGitFacts(process.cwd()) });
      // The report may be a fork's: it is validated and re-rendered, and where it goes comes
      // from the flags, the workflow_run event and the environment (untrusted-report.ts).
      const { publishUntrustedReport, resolveReportTarget } = await import('../publish/untrusted-report.js');
      let outcomes;
      try {
        const target = await resolveReportTarget({ env: process.env, ci, pr, headSha: flags.headSha });
        outcomes = await publishUntrustedReport({ file: flags.report, target, ci, summary: flags.summary, comment: flags.comment });
      } catch (err) {
        fail((err as Error).message);
      }
      for (const o of outcomes) {
        if (o.status === 'failed') warn(o.message);
        else process.stderr.write(`ciprof: ${o.message}\n`);
      }
    });
}

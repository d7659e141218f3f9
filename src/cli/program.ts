import { Command } from 'commander';
import { VERSION } from '../version.js';
import { registerComment } from './comment.js';
import { registerCompare } from './compare.js';
import { registerDiff } from './diff.js';
import { registerExport } from './export.js';
import { registerMerge } from './merge.js';
import { registerReport } from './report.js';
import { registerRun } from './run.js';
import { registerTop } from './top.js';
import { registerUpload } from './upload.js';

export function buildProgram(): Command {
  const program = new Command('ciprof')
    .description('Profile a Node test suite in CI and tell the pull request where the CPU time went')
    .version(VERSION)
    .enablePositionalOptions();
  registerRun(program);
  registerMerge(program);
  registerExport(program);
  registerTop(program);
  registerReport(program);
  registerUpload(program);
  registerDiff(program);
  registerComment(program);
  registerCompare(program);
  return program;
}

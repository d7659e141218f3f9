// The GitHub Action entry point (built to dist/index.js): inputs -> pipeline -> exit code.
import * as core from '@actions/core';
import { readSettings } from './inputs.js';
import { runAction } from './main.js';

async function main(): Promise<void> {
  let settings;
  try {
    settings = readSettings();
  } catch (err) {
    core.setFailed(`ciprof: ${(err as Error).message}`);
    return;
  }
  const code = await runAction(settings);
  if (code !== 0) {
    // The test command's code (or 3 for fail-on-regression), as the step's result.
    core.setFailed(code === 3 ? 'ciprof: performance regression (fail-on-regression)' : `ciprof: the test command exited with code ${code}`);
    process.exitCode = code;
  }
}

void main();

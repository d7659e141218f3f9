// The GitHub Action entry point (built to dist/index.js). Filled in by the Action issue.
import * as core from '@actions/core';

core.setFailed('ciprof: the GitHub Action is not implemented yet; use `npx ciprof run -- <command>` in a step');

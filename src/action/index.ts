// The GitHub Action entry point (built to dist/index.js). main.ts exports run() as
// GitHub's @github/local-action expects; the runner executes this file, which calls it.
import { run } from './main.js';

void run();

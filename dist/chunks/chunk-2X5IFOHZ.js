import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  formatDiffText
} from "./chunk-LVAURNUE.js";
import {
  serializeDiffReport
} from "./chunk-XWCWDJFI.js";

// src/cli/print-diff.ts
function printDiff(report, json) {
  if (json) process.stdout.write(serializeDiffReport(report));
  else process.stderr.write(`${formatDiffText(report)}
`);
}

export {
  printDiff
};

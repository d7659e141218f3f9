import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/util/terminal-text.ts
var ESCAPE_SEQUENCE = /\u001b(?:\[[0-?]*[ -/]*[@-~]|\][^\u0007\u001b]*(?:\u0007|\u001b\\)?|[@-Z\\-_])/g;
var CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
function plainLine(text) {
  return text.replace(/[\r\n\u2028\u2029]+/g, " ").replace(ESCAPE_SEQUENCE, "").replace(CONTROL, "");
}

export {
  plainLine
};

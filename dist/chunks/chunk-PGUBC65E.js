import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  redact
} from "./chunk-6MZMPYYD.js";

// src/collect/redact.ts
var REDACTED = "***";
var SECRET_NAME = /key|token|secret|passw|pwd|auth|credential|cookie|session|signature|private|dsn/i;
var QUOTED_OR_WORD = String.raw`(?:"[^"]*"|'[^']*'|[^\s"']+)+`;
var ASSIGNMENT = new RegExp(String.raw`(^|[\s;&|(?])(-{0,2}[A-Za-z_][\w.-]*)=(${QUOTED_OR_WORD})`, "g");
var SPACED_OPTION = new RegExp(String.raw`(^|\s)(--?[A-Za-z][\w.-]*)(\s+)(?!-)(${QUOTED_OR_WORD})`, "g");
var AUTH_HEADER = /\b((?:proxy-)?authorization:\s*)(?:(?:bearer|basic|token)\s+)?[^\s"']+/gi;
var KNOWN_TOKENS = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|A[KS]IA[0-9A-Z]{16})\b/g;
var isSecretName = (name) => SECRET_NAME.test(name.replace(/^-+/, ""));
function redactText(text) {
  return redact(text).replace(AUTH_HEADER, `$1${REDACTED}`).replace(KNOWN_TOKENS, REDACTED).replace(ASSIGNMENT, (all, lead, name) => isSecretName(name) ? `${lead}${name}=${REDACTED}` : all).replace(SPACED_OPTION, (all, lead, name, space) => name.startsWith("-") && isSecretName(name) ? `${lead}${name}${space}${REDACTED}` : all);
}
function redactCommand(command) {
  return command.map((word, i) => {
    const previous = command[i - 1];
    if (i > 0 && previous && /^--?[A-Za-z][\w.-]*$/.test(previous) && isSecretName(previous) && !word.startsWith("-")) return REDACTED;
    return redactText(word);
  });
}

export {
  redactText,
  redactCommand
};

/**
 * The test command as ciprof records it (profile metadata, pprof comments, profile.json,
 * report.html, Pyroscope uploads), with the secrets people write inline taken out:
 * `API_KEY=abc npm test` -> `API_KEY=*** npm test`, `--token=abc` and `--token abc` ->
 * `--token=***` / `--token ***`, `https://user:pass@host` -> `https://***@host`,
 * `Authorization: Bearer abc` -> `Authorization: ***`, and tokens whose format gives them
 * away (GitHub, GitLab, npm, Slack, AWS keys) wherever they stand. URL credentials and the
 * secrets ciprof was given are the masker's (ci/mask.ts), called first. The command that
 * runs is never changed; only its record is.
 */
import { redact } from '../ci/mask.js';

const REDACTED = '***';

/** Names whose value is a secret: API_KEY, NPM_TOKEN, DB_PASSWORD, PGPASSWORD, --auth, client-secret. */
const SECRET_NAME = /key|token|secret|passw|pwd|auth|credential|cookie|session|signature|private|dsn/i;

const QUOTED_OR_WORD = String.raw`(?:"[^"]*"|'[^']*'|[^\s"']+)+`;

/** `NAME=value` (an environment assignment or `--name=value`) with a secret name. */
const ASSIGNMENT = new RegExp(String.raw`(^|[\s;&|(?])(-{0,2}[A-Za-z_][\w.-]*)=(${QUOTED_OR_WORD})`, 'g');
/** `--name value` with a secret name: the value is the next word unless it is an option. */
const SPACED_OPTION = new RegExp(String.raw`(^|\s)(--?[A-Za-z][\w.-]*)(\s+)(?!-)(${QUOTED_OR_WORD})`, 'g');
const AUTH_HEADER = /\b((?:proxy-)?authorization:\s*)(?:(?:bearer|basic|token)\s+)?[^\s"']+/gi;
/** Formats documented by their issuers, recognisable without a name next to them. */
const KNOWN_TOKENS = /\b(?:gh[pousr]_[A-Za-z0-9]{20,}|github_pat_[A-Za-z0-9_]{20,}|glpat-[A-Za-z0-9_-]{20,}|npm_[A-Za-z0-9]{30,}|xox[abposr]-[A-Za-z0-9-]{10,}|A[KS]IA[0-9A-Z]{16})\b/g;

const isSecretName = (name: string): boolean => SECRET_NAME.test(name.replace(/^-+/, ''));

/** Redacts one string: a word of an argv, or a whole shell command line. */
export function redactText(text: string): string {
  return redact(text)
    .replace(AUTH_HEADER, `$1${REDACTED}`)
    .replace(KNOWN_TOKENS, REDACTED)
    .replace(ASSIGNMENT, (all, lead: string, name: string) => (isSecretName(name) ? `${lead}${name}=${REDACTED}` : all))
    .replace(SPACED_OPTION, (all, lead: string, name: string, space: string) => (name.startsWith('-') && isSecretName(name) ? `${lead}${name}${space}${REDACTED}` : all));
}

/** Redacts an argv; `--token abc` split over two words is caught too. */
export function redactCommand(command: readonly string[]): string[] {
  return command.map((word, i) => {
    const previous = command[i - 1];
    if (i > 0 && previous && /^--?[A-Za-z][\w.-]*$/.test(previous) && isSecretName(previous) && !word.startsWith('-')) return REDACTED;
    return redactText(word);
  });
}

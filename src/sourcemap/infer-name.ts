/**
 * The name of a function V8 reports as anonymous, read from the original source the way
 * V8 itself infers names: `const total = (…) =>`, `obj.run = function (…)`,
 * `handler: async (…) =>`. Transforms hide these names from V8 (esbuild's keepNames turns
 * `const f = () => …` into `__name(() => …, "f")`, an anonymous argument), and source
 * maps rarely carry them. A function passed as an argument stays anonymous, as in V8.
 */

const IDENTIFIER = String.raw`[A-Za-z_$][\w$]*`;
/** `name =` / `a.b.name =` / `name: Type =`, then an optional `async`, at the end of the text. */
const ASSIGNED = new RegExp(String.raw`(?:^|[^\w$.])(${IDENTIFIER}(?:\.${IDENTIFIER})*)\s*(?::[^=;(){}]+)?(?<![=!<>])=\s*(?:async)?$`);
/** `name:` in an object literal, then an optional `async`. */
const PROPERTY = new RegExp(String.raw`(?:^\s*|[{,]\s*)(${IDENTIFIER})\s*:\s*(?:async)?$`);
/** What may stand between the name and the parameter list V8 places the function at. */
const FUNCTION_KEYWORD = /(?:async\s+)?function\s*\*?\s*$/;

/**
 * `lines` is the original source split into lines; `line`/`column` (0-based) the mapped
 * start of the function. Looks at the text before it on that line, and on the previous
 * line when the function starts a line (`const f =\n  () => …`).
 */
export function inferFunctionName(lines: readonly string[], line: number, column: number): string | undefined {
  const current = lines[line];
  if (current === undefined) return undefined;
  let before = current.slice(0, column);
  if (before.trim() === '' && line > 0) before = `${lines[line - 1] ?? ''} `;
  before = before.replace(FUNCTION_KEYWORD, '').trimEnd();
  const match = ASSIGNED.exec(before) ?? PROPERTY.exec(before);
  return match?.[1];
}

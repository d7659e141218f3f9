/**
 * Fills the report skeleton. Everything from a profile goes into one
 * <script type="application/json"> block, escaped so no profile string can close the
 * script element or open an HTML comment; the page reads it with JSON.parse and renders
 * names only through textContent and canvas fillText.
 */

/** JSON that is safe inside <script type="application/json">: no `<`, `>`, `&`, U+2028/9 left raw. */
export function jsonForScript(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Escapes text for an HTML text node or attribute value. */
export function escapeHtml(s: string): string {
  return s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

/** Our own bundle inlined in a <script>: `</script` cannot occur outside a string, where `<\/` means the same. */
export function scriptSafeJs(js: string): string {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

export function fillTemplate(template: string, parts: { title: string; dataJson: string; script: string }): string {
  // Function replacers: `$&` and friends in the data must not be interpreted.
  return template
    .replace('{{TITLE}}', () => escapeHtml(parts.title))
    .replace('{{DATA}}', () => parts.dataJson)
    .replace('{{SCRIPT}}', () => scriptSafeJs(parts.script));
}

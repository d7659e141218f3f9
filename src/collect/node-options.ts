/**
 * Appends a `--require` to NODE_OPTIONS without touching what the user set. Node
 * splits NODE_OPTIONS on spaces but honours double quotes, so quote paths with spaces.
 */
export function quoteNodeOption(value: string): string {
  return /[\s"\\]/.test(value) ? `"${value.replace(/(["\\])/g, '\\$1')}"` : value;
}

export function withPreload(existing: string | undefined, preloadPath: string): string {
  const flag = `--require ${quoteNodeOption(preloadPath)}`;
  const current = (existing ?? '').trim();
  if (current.includes(flag)) return current;
  return current ? `${current} ${flag}` : flag;
}

import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Turns the script URL V8 reports into a path that is the same on every machine and
 * checkout: relative to the repo root, `node_modules/<pkg>/...` from the innermost
 * node_modules, `node:` builtins as they are. Query strings (vite's `?v=123`) are dropped.
 */
export function normalizeScriptPath(url: string, repoRoot: string): string {
  if (!url) return '';
  let p = url;
  if (p.startsWith('file://')) {
    try {
      p = fileURLToPath(p.split(/[?#]/, 1)[0]!);
    } catch {
      return url;
    }
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(p)) {
    return p; // node:internal/..., evalmachine.<anonymous>, wasm://, http(s)://
  }
  const nm = p.lastIndexOf('/node_modules/');
  if (nm >= 0) return p.slice(nm + 1);
  if (path.isAbsolute(p) && repoRoot) {
    const rel = path.relative(repoRoot, p);
    if (!rel.startsWith('..') && !path.isAbsolute(rel)) return rel.split(path.sep).join('/');
  }
  return p;
}

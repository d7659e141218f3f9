import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/profile/paths.ts
import * as path from "node:path";
import { fileURLToPath } from "node:url";
function normalizeScriptPath(url, repoRoot) {
  if (!url) return "";
  let p = url;
  if (p.startsWith("file://")) {
    try {
      p = fileURLToPath(p.split(/[?#]/, 1)[0]);
    } catch {
      return url;
    }
  } else if (/^[a-z][a-z0-9+.-]*:/i.test(p)) {
    return p;
  }
  const nm = p.lastIndexOf("/node_modules/");
  if (nm >= 0) return p.slice(nm + 1);
  if (path.isAbsolute(p) && repoRoot) {
    const rel = path.relative(repoRoot, p);
    if (!rel.startsWith("..") && !path.isAbsolute(rel)) return rel.split(path.sep).join("/");
  }
  return p;
}

export {
  normalizeScriptPath
};

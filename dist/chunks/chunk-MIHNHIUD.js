import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/util/make-dirs.ts
import { mkdirSync, statSync } from "node:fs";
import * as path from "node:path";
function makeDirs(dir) {
  const missing = [];
  let at = path.resolve(dir);
  for (; ; ) {
    let isDir;
    try {
      isDir = statSync(at).isDirectory();
    } catch {
      isDir = void 0;
    }
    if (isDir === true) break;
    if (isDir === false) throw new Error(`ENOTDIR: ${at} is not a directory`);
    missing.push(at);
    const parent = path.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync(d);
    } catch (err) {
      const code = err.code;
      if (code !== "EEXIST") throw new Error(`${code ?? err.message}: cannot create ${d}`);
    }
  }
}

export {
  makeDirs
};

import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  distFile
} from "./chunk-LERJVIWU.js";

// src/collect/preload-files.ts
import { createHash } from "node:crypto";
import { lstatSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, utimesSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import * as path from "node:path";
var FILES = ["agent.cjs", "runners/preload.cjs", "runners/install.cjs"];
var under = (dir) => ({ dir, agent: path.join(dir, "agent.cjs"), runnersPreload: path.join(dir, "runners", "preload.cjs") });
var isUnderNodeModules = (file) => file.split(path.sep).includes("node_modules");
function contentName(contents) {
  const hash = createHash("sha256");
  for (const buf of contents) hash.update(`${buf.length}:`).update(buf);
  return hash.digest("hex").slice(0, 16);
}
function ownPrivateDir(base) {
  try {
    mkdirSync(base, { mode: 448 });
  } catch (err) {
    if (err.code !== "EEXIST") throw err;
  }
  const st = lstatSync(base);
  const uid = process.getuid?.();
  if (!st.isDirectory() || st.isSymbolicLink()) throw new Error(`${base} is not a directory`);
  if (uid !== void 0 && st.uid !== uid) throw new Error(`${base} belongs to another user`);
  if ((st.mode & 63) !== 0) throw new Error(`${base} is open to other users`);
}
function sameFiles(dir, contents) {
  try {
    return FILES.every((f, i) => readFileSync(path.join(dir, f)).equals(contents[i]));
  } catch {
    return false;
  }
}
var KEEP_MS = 7 * 24 * 3600 * 1e3;
function pruneOld(base, keep) {
  try {
    for (const entry of readdirSync(base)) {
      const dir = path.join(base, entry);
      if (dir !== keep && Date.now() - lstatSync(dir).mtimeMs > KEEP_MS) rmSync(dir, { recursive: true, force: true });
    }
  } catch {
  }
}
function mirror(base, contents) {
  ownPrivateDir(base);
  const final = path.join(base, contentName(contents));
  const dirOf = (root) => path.join(root, "node_modules", "ciprof");
  if (sameFiles(dirOf(final), contents)) {
    try {
      utimesSync(final, /* @__PURE__ */ new Date(), /* @__PURE__ */ new Date());
    } catch {
    }
    return dirOf(final);
  }
  const building = mkdtempSync(path.join(base, "building-"));
  try {
    mkdirSync(path.join(dirOf(building), "runners"), { recursive: true });
    FILES.forEach((f, i) => writeFileSync(path.join(dirOf(building), f), contents[i]));
    try {
      renameSync(building, final);
      pruneOld(base, final);
      return dirOf(final);
    } catch {
      if (sameFiles(dirOf(final), contents)) return dirOf(final);
      const own = `${final}-${path.basename(building)}`;
      renameSync(building, own);
      return dirOf(own);
    }
  } finally {
    rmSync(building, { recursive: true, force: true });
  }
}
function placePreloads(dist, base) {
  if (isUnderNodeModules(dist)) return under(dist);
  try {
    const contents = FILES.map((f) => readFileSync(path.join(dist, f)));
    return under(mirror(base, contents));
  } catch (err) {
    return { ...under(dist), warning: `ciprof's preloads stay in ${dist}, outside node_modules (${err.message}): node --test's coverage report will list them` };
  }
}
var cached;
function preloadFiles() {
  cached ??= placePreloads(path.dirname(realpathSync(distFile("agent.cjs"))), path.join(tmpdir(), `ciprof-preloads-${process.getuid?.() ?? "user"}`));
  return cached;
}
function preloadDirs() {
  const dirs = /* @__PURE__ */ new Set();
  try {
    dirs.add(path.dirname(realpathSync(distFile("agent.cjs"))));
  } catch {
  }
  if (cached) dirs.add(realpathSync(cached.dir));
  return [...dirs];
}

export {
  preloadFiles,
  preloadDirs
};

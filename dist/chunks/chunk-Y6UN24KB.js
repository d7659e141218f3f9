import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/util/atomic-write.ts
import { closeSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { randomBytes } from "node:crypto";
import * as path from "node:path";
function targetOf(file) {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}
function fsyncDirectory(dir) {
  let fd;
  try {
    fd = openSync(dir, "r");
    fsyncSync(fd);
  } catch {
  } finally {
    if (fd !== void 0) closeSync(fd);
  }
}
function removeTemp(temp) {
  try {
    unlinkSync(temp);
  } catch {
  }
}
function writeFileAtomic(file, data, options = {}) {
  const target = targetOf(file);
  const dir = path.dirname(target);
  if (options.mkdir) mkdirSync(dir, { recursive: true });
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${randomBytes(4).toString("hex")}.tmp`);
  const fd = openSync(temp, "wx", 438);
  try {
    writeFileSync(fd, data);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    removeTemp(temp);
    throw err;
  }
  closeSync(fd);
  try {
    renameSync(temp, target);
  } catch (err) {
    removeTemp(temp);
    throw err;
  }
  fsyncDirectory(dir);
}

// src/util/make-dirs.ts
import { mkdirSync as mkdirSync2, statSync } from "node:fs";
import * as path2 from "node:path";
function makeDirs(dir) {
  const missing = [];
  let at = path2.resolve(dir);
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
    const parent = path2.dirname(at);
    if (parent === at) break;
    at = parent;
  }
  for (const d of missing.reverse()) {
    try {
      mkdirSync2(d);
    } catch (err) {
      const code = err.code;
      if (code !== "EEXIST") throw new Error(`${code ?? err.message}: cannot create ${d}`);
    }
  }
}

export {
  writeFileAtomic,
  makeDirs
};

import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/util/atomic-write.ts
import { closeSync, fsyncSync, mkdirSync, openSync, realpathSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
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
  const random = process.getBuiltinModule("node:crypto").randomBytes(4).toString("hex");
  const temp = path.join(dir, `.${path.basename(target)}.${process.pid}.${random}.tmp`);
  const fd = openSync(temp, "wx", 438);
  try {
    writeFileSync(fd, data);
    if (options.durable !== false) fsyncSync(fd);
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
  if (options.durable !== false) fsyncDirectory(dir);
}

export {
  writeFileAtomic
};

import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);
import {
  GC_FRAME,
  IDLE_FRAME,
  PROGRAM_FRAME
} from "./chunk-VYVC6F5W.js";

// src/profile/blocked.ts
var NODE_WRAPPERS = {
  "node:net": { cls: "bind", names: ["createServerHandle", "setupListenHandle", "_listen2"] },
  "node:child_process": { cls: "spawnSync", names: ["spawnSync", "execSync", "execFileSync"] },
  "node:internal/child_process": { cls: "spawnSync", names: ["spawnSync"] },
  "node:zlib": { cls: "zlib", names: ["zlibBufferSync", "processChunkSync", "syncBufferWrapper"] },
  "node:internal/crypto/pbkdf2": { cls: "crypto", names: ["pbkdf2Sync"] },
  "node:internal/crypto/scrypt": { cls: "crypto", names: ["scryptSync"] },
  "node:internal/crypto/keygen": { cls: "crypto", names: ["generateKeyPairSync"] },
  "node:internal/crypto/hkdf": { cls: "crypto", names: ["hkdfSync"] },
  "node:dns": { cls: "dns", names: ["lookupService"] },
  "node:os": { cls: "dns", names: ["hostname", "getHostname"] },
  "node:internal/modules/cjs/loader": { cls: "fs", names: ["stat"] },
  // Module customization hooks (module.register: tsx, ts-node/esm, tap's loaders) run on a
  // hooks thread; a synchronous resolve or load from the main thread (require, import.meta.resolve)
  // sleeps in Atomics.wait until that thread answers. The work is the hooks thread's own
  // samples; the main thread's are the wait (tap on node-glob, Node 24: 31% of all samples).
  // Node 22: HooksProxy; 24 and 26: AsyncLoaderHookWorker; same method names and file.
  "node:internal/modules/esm/hooks": { cls: "loader", names: ["makeSyncRequest", "waitForWorker"] }
};
var FS_SYNC = /^(?:[a-z][A-Za-z]*Sync|tryStatSync|tryReadSync|tryCreateBuffer)$/;
var BINDINGS = new Map([
  ...["internalModuleStat", "internalModuleReadJSON", "readFileUtf8", "writeFileUtf8", "lstat", "fstat", "stat", "statfs", "open", "close", "readdir", "mkdir", "rmdir", "rmSync", "unlink", "rename", "realpath", "copyFile", "access", "existsSync", "fsync", "fdatasync", "ftruncate", "symlink", "readlink", "chmod", "utimes", "getFormatOfExtensionlessFile", "legacyMainResolve"].map((n) => [n, "fs"]),
  // A stream's write (stdout, stderr, a pipe, a socket): libuv tries it at once, and Node
  // makes stdout and stderr pipes blocking, so a reporter's write waits while the pipe is
  // full (express under a noisy neighbour: `writeUtf8String` swung enough for a false row).
  ...["writeUtf8String", "writeLatin1String", "writeAsciiString", "writeUcs2String", "writeBuffer", "writev"].map((n) => [n, "io"]),
  // The fs binding's reads and writes (fs.readSync, fs.writeSync).
  ...["writeString", "writeBuffers", "read", "readBuffers"].map((n) => [n, "fs"]),
  ["spawn", "spawnSync"],
  ["bind", "bind"],
  ["bind6", "bind"],
  ["listen", "bind"],
  // A socket's connect(2), the client side of bind/listen: on loopback the kernel does the
  // handshake inside the call, and it swings with the machine as they do (express's supertest
  // requests, quiet machine, same code: 68 samples in one run, 145 in the next).
  ["connect", "bind"],
  ["connect6", "bind"],
  ["pbkdf2", "crypto"],
  ["scrypt", "crypto"],
  ["getaddrinfo", "dns"]
]);
function blockedClass(frame) {
  const { name, file } = frame;
  if (file === "") return BINDINGS.get(name);
  if (!file.startsWith("node:")) return void 0;
  if (file === "node:fs" || file === "node:internal/fs/utils" || file === "node:internal/fs/read/context") return FS_SYNC.test(name) ? "fs" : void 0;
  const w = NODE_WRAPPERS[file];
  return w && w.names.includes(name) ? w.cls : void 0;
}
var blockedLabel = (cls) => `(blocked: ${cls})`;
var isPseudo = (f) => f.file === "" && (f.name === GC_FRAME || f.name === IDLE_FRAME || f.name === PROGRAM_FRAME || f.name === "(root)");
function foldBlockedCallees(profile) {
  const fns = profile.functions;
  const wrapper = fns.map((f) => f.file.startsWith("node:") && blockedClass(f) !== void 0);
  if (!wrapper.includes(true)) return profile;
  const blocked = fns.map((f) => blockedClass(f) !== void 0);
  const nodeOwn = fns.map((f) => (f.file.startsWith("node:") || f.file === "") && !isPseudo(f));
  let changed = false;
  const samples = profile.samples.map((s) => {
    const stack = s.stack;
    if (stack.length < 2 || blocked[stack[0]] || !nodeOwn[stack[0]]) return s;
    for (let i = 1; i < stack.length && nodeOwn[stack[i]]; i++) {
      if (!wrapper[stack[i]]) continue;
      changed = true;
      return { ...s, stack: stack.slice(i) };
    }
    return s;
  });
  return changed ? { ...profile, samples } : profile;
}

export {
  blockedClass,
  blockedLabel,
  foldBlockedCallees
};

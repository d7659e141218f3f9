/**
 * Frames where a thread waits rather than runs. V8's CPU profiler samples the JavaScript
 * stack on a wall-clock timer, so a thread blocked in a synchronous system call is charged
 * as if it computed: `createServerHandle` (the bind/listen of a test server) measured 42 ms
 * in one run and 606 ms in the next, same code. Such time is not sampling noise around a
 * CPU cost; it is waiting, and it swings with the machine. A sample whose innermost frame
 * is one of these is blocked time: shown apart, judged only against measured noise.
 *
 * Known by the innermost frame: Node's own JavaScript wrappers around a blocking binding
 * (`node:` files), and the native bindings themselves, which V8 shows with no file.
 * Atomics.wait is a builtin V8 does not show as a frame: its time lands on its caller,
 * which only the per-test CPU clock can tell apart (test-diff.ts).
 */
import type { FunctionFrame } from './model.js';

export type BlockedClass = 'bind' | 'fs' | 'io' | 'spawnSync' | 'zlib' | 'crypto' | 'dns';

/** Node's JavaScript functions (by module) whose self time is a blocking binding call. */
const NODE_WRAPPERS: Readonly<Record<string, { cls: BlockedClass; names: readonly string[] }>> = {
  'node:net': { cls: 'bind', names: ['createServerHandle', 'setupListenHandle', '_listen2'] },
  'node:child_process': { cls: 'spawnSync', names: ['spawnSync', 'execSync', 'execFileSync'] },
  'node:internal/child_process': { cls: 'spawnSync', names: ['spawnSync'] },
  'node:zlib': { cls: 'zlib', names: ['zlibBufferSync', 'processChunkSync', 'syncBufferWrapper'] },
  'node:internal/crypto/pbkdf2': { cls: 'crypto', names: ['pbkdf2Sync'] },
  'node:internal/crypto/scrypt': { cls: 'crypto', names: ['scryptSync'] },
  'node:internal/crypto/keygen': { cls: 'crypto', names: ['generateKeyPairSync'] },
  'node:internal/crypto/hkdf': { cls: 'crypto', names: ['hkdfSync'] },
  'node:dns': { cls: 'dns', names: ['lookupService'] },
  'node:os': { cls: 'dns', names: ['hostname', 'getHostname'] },
  'node:internal/modules/cjs/loader': { cls: 'fs', names: ['stat'] },
};

/** Synchronous fs functions of node:fs: every one is a system call (or several) the thread waits in. */
const FS_SYNC = /^(?:[a-z][A-Za-z]*Sync|tryStatSync|tryReadSync|tryCreateBuffer)$/;

/** Native bindings (no file in the profile) that block the calling thread. */
const BINDINGS: ReadonlyMap<string, BlockedClass> = new Map<string, BlockedClass>([
  ...['internalModuleStat', 'internalModuleReadJSON', 'readFileUtf8', 'writeFileUtf8', 'lstat', 'fstat', 'stat', 'statfs', 'open', 'close', 'readdir', 'mkdir', 'rmdir', 'rmSync', 'unlink', 'rename', 'realpath', 'copyFile', 'access', 'existsSync', 'fsync', 'fdatasync', 'ftruncate', 'symlink', 'readlink', 'chmod', 'utimes', 'getFormatOfExtensionlessFile', 'legacyMainResolve'].map((n): [string, BlockedClass] => [n, 'fs']),
  // A stream's write (stdout, stderr, a pipe, a socket): libuv tries it at once, and Node
  // makes stdout and stderr pipes blocking, so a reporter's write waits while the pipe is
  // full (express under a noisy neighbour: `writeUtf8String` swung enough for a false row).
  ...['writeUtf8String', 'writeLatin1String', 'writeAsciiString', 'writeUcs2String', 'writeBuffer', 'writev'].map((n): [string, BlockedClass] => [n, 'io']),
  // The fs binding's reads and writes (fs.readSync, fs.writeSync).
  ...['writeString', 'writeBuffers', 'read', 'readBuffers'].map((n): [string, BlockedClass] => [n, 'fs']),
  ['spawn', 'spawnSync'],
  ['bind', 'bind'],
  ['bind6', 'bind'],
  ['listen', 'bind'],
  ['pbkdf2', 'crypto'],
  ['scrypt', 'crypto'],
  ['getaddrinfo', 'dns'],
]);

/** The kind of wait a function's self time is, or undefined when it is (presumably) CPU. */
export function blockedClass(frame: Pick<FunctionFrame, 'name' | 'file'>): BlockedClass | undefined {
  const { name, file } = frame;
  if (file === '') return BINDINGS.get(name);
  if (!file.startsWith('node:')) return undefined;
  if (file === 'node:fs' || file === 'node:internal/fs/utils' || file === 'node:internal/fs/read/context') return FS_SYNC.test(name) ? 'fs' : undefined;
  const w = NODE_WRAPPERS[file];
  return w && w.names.includes(name) ? w.cls : undefined;
}

/** The pseudo-frame name blocked time is shown under, e.g. `(blocked: bind)`. */
export const blockedLabel = (cls: BlockedClass): string => `(blocked: ${cls})`;

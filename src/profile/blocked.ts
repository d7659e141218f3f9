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
import { GC_FRAME, IDLE_FRAME, PROGRAM_FRAME, type FunctionFrame, type Profile } from './model.js';

export type BlockedClass = 'bind' | 'fs' | 'io' | 'spawnSync' | 'zlib' | 'crypto' | 'dns' | 'loader';

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
  // Module customization hooks (module.register: tsx, ts-node/esm, tap's loaders) run on a
  // hooks thread; a synchronous resolve or load from the main thread (require, import.meta.resolve)
  // sleeps in Atomics.wait until that thread answers. The work is the hooks thread's own
  // samples; the main thread's are the wait (tap on node-glob, Node 24: 31% of all samples).
  // Node 22: HooksProxy; 24 and 26: AsyncLoaderHookWorker; same method names and file.
  'node:internal/modules/esm/hooks': { cls: 'loader', names: ['makeSyncRequest', 'waitForWorker'] },
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
  // A socket's connect(2), the client side of bind/listen: on loopback the kernel does the
  // handshake inside the call, and it swings with the machine as they do (express's supertest
  // requests, quiet machine, same code: 68 samples in one run, 145 in the next).
  ['connect', 'bind'],
  ['connect6', 'bind'],
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

/** V8's pseudo-frames: where time went, not code; never folded into a wait. */
const isPseudo = (f: FunctionFrame): boolean => f.file === '' && (f.name === GC_FRAME || f.name === IDLE_FRAME || f.name === PROGRAM_FRAME || f.name === '(root)');

/**
 * The profile with samples in Node's own helpers, called by a blocking wrapper, charged to
 * that wrapper: their stacks cut at the wrapper, which then is the leaf. Between a blocking
 * call's return and the next tick, the wrapper's small helpers (`get hasSubscribers`,
 * `getNewAsyncId`) take the samples the wait skews onto them: express's suite, quiet machine,
 * same code, `get hasSubscribers` under `setupListenHandle` had 0 samples in one run and 32 in
 * the next, when the listen path itself took 958 ms instead of 84. They are part of the wait,
 * so they are judged with it (as blocked time), not as CPU rows. Only a chain of Node's own
 * frames (`node:` files and native bindings) up to the wrapper is cut: a user callback under
 * a wrapper is code, and stays. The same object when nothing is cut.
 */
export function foldBlockedCallees(profile: Profile): Profile {
  const fns = profile.functions;
  const wrapper = fns.map((f) => f.file.startsWith('node:') && blockedClass(f) !== undefined);
  if (!wrapper.includes(true)) return profile;
  const blocked = fns.map((f) => blockedClass(f) !== undefined);
  const nodeOwn = fns.map((f) => (f.file.startsWith('node:') || f.file === '') && !isPseudo(f));
  let changed = false;
  const samples = profile.samples.map((s) => {
    const stack = s.stack;
    if (stack.length < 2 || blocked[stack[0]!] || !nodeOwn[stack[0]!]) return s;
    for (let i = 1; i < stack.length && nodeOwn[stack[i]!]; i++) {
      if (!wrapper[stack[i]!]) continue;
      changed = true;
      return { ...s, stack: stack.slice(i) };
    }
    return s;
  });
  return changed ? { ...profile, samples } : profile;
}

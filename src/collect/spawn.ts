/**
 * Runs the user's command exactly as they would: inherited stdio, signals forwarded,
 * and the exit status reported as a shell would (code, or 128 + signal number).
 *
 * One delivery per signal. Ctrl-C and a cancelled CI job signal the whole process
 * group; `kill <pid>` signals ciprof alone. Were the command in ciprof's group, the first
 * would reach it twice (once from the group, once forwarded) and the second once, and
 * nothing tells the two apart. So on POSIX the command runs in a process group (and
 * session) of its own, which the terminal's and the CI's group signals never reach, and
 * ciprof forwards each signal it gets to that whole group, once: every process of the
 * command sees it, as it would have from a Ctrl-C. Being a session of its own, the
 * command has no controlling terminal, so reading or configuring the inherited TTY never
 * stops it (no SIGTTIN/SIGTTOU); programs that open /dev/tty themselves cannot.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { constants } from 'node:os';

export interface CommandResult {
  exitCode: number;
  signal?: NodeJS.Signals;
  wallMs: number;
  /** Set when the command could not be started at all (ENOENT, EACCES). */
  spawnError?: string;
}

/** Forwarded to the command's group. SIGWINCH keeps a TTY's size current for it. */
const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP', 'SIGQUIT', 'SIGWINCH'];
const OWN_GROUP = process.platform !== 'win32';

function forwardTo(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined || child.exitCode !== null || child.signalCode !== null) return;
  try {
    if (OWN_GROUP) process.kill(-child.pid, signal);
    else child.kill(signal);
  } catch {
    // the group is already gone
  }
}

export interface RunCommandOptions {
  env: NodeJS.ProcessEnv;
  cwd?: string;
  /**
   * 'stderr': the command's stdout goes to ciprof's stderr, so that ciprof's own stdout
   * carries one machine-readable document (`--json`) and nothing else.
   */
  stdout?: 'inherit' | 'stderr';
}

export function runCommand(command: readonly string[], options: RunCommandOptions): Promise<CommandResult> {
  const started = performance.now();
  // One argument with spaces is a shell command line (the Action's `run:` input, `ciprof run -- "npm test"`).
  const useShell = command.length === 1 && /\s/.test(command[0]!);
  const stdio: ['inherit', 'inherit' | number, 'inherit'] = ['inherit', options.stdout === 'stderr' ? 2 : 'inherit', 'inherit'];
  const spawnOptions = { stdio, env: options.env, cwd: options.cwd, detached: OWN_GROUP };
  const child = useShell ? spawn(command[0]!, { ...spawnOptions, shell: true }) : spawn(command[0]!, command.slice(1), spawnOptions);

  const forward = (signal: NodeJS.Signals): void => forwardTo(child, signal);
  // If ciprof itself ends early (an uncaught error), the command's group must not outlive it.
  const endGroup = (): void => forwardTo(child, 'SIGTERM');
  for (const s of FORWARDED) process.on(s, forward);
  process.on('exit', endGroup);

  return new Promise((resolve) => {
    let done = false;
    const finish = (result: Omit<CommandResult, 'wallMs'>): void => {
      if (done) return;
      done = true;
      for (const s of FORWARDED) process.removeListener(s, forward);
      process.removeListener('exit', endGroup);
      resolve({ ...result, wallMs: performance.now() - started });
    };
    child.on('error', (err: NodeJS.ErrnoException) => {
      // Only a failure to start ends the run here; a later error (kill failed) does not.
      if (child.pid !== undefined) return;
      const spawnError = err.code === 'ENOENT' ? `command not found: ${command[0]}` : `cannot run ${command[0]}: ${err.message}`;
      finish({ exitCode: err.code === 'ENOENT' ? 127 : 126, spawnError });
    });
    child.on('close', (code, signal) => {
      if (signal) finish({ exitCode: 128 + (constants.signals[signal] ?? 0), signal });
      else finish({ exitCode: code ?? 1 });
    });
  });
}

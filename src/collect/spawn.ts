/**
 * Runs the user's command exactly as they would: inherited stdio, signals forwarded,
 * and the exit status reported as a shell would (code, or 128 + signal number).
 */
import { spawn } from 'node:child_process';
import { constants } from 'node:os';

export interface CommandResult {
  exitCode: number;
  signal?: NodeJS.Signals;
  wallMs: number;
  /** Set when the command could not be started at all (ENOENT, EACCES). */
  spawnError?: string;
}

const FORWARDED: NodeJS.Signals[] = ['SIGINT', 'SIGTERM', 'SIGHUP'];

export function runCommand(command: readonly string[], options: { env: NodeJS.ProcessEnv; cwd?: string }): Promise<CommandResult> {
  const started = performance.now();
  // One argument with spaces is a shell command line (the Action's `run:` input, `ciprof run -- "npm test"`).
  const useShell = command.length === 1 && /\s/.test(command[0]!);
  const child = useShell
    ? spawn(command[0]!, { stdio: 'inherit', env: options.env, cwd: options.cwd, shell: true })
    : spawn(command[0]!, command.slice(1), { stdio: 'inherit', env: options.env, cwd: options.cwd });

  const forward = (signal: NodeJS.Signals): void => {
    if (child.exitCode === null && child.signalCode === null) child.kill(signal);
  };
  for (const s of FORWARDED) process.on(s, forward);

  return new Promise((resolve) => {
    let done = false;
    const finish = (result: Omit<CommandResult, 'wallMs'>): void => {
      if (done) return;
      done = true;
      for (const s of FORWARDED) process.removeListener(s, forward);
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

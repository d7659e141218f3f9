/** Runs the base checkout's install command; its output goes to stderr so stdout stays the tests'. */
import { spawn, type ChildProcess } from 'node:child_process';

export interface InstallRun {
  done: Promise<{ exitCode: number; error?: string }>;
  child: ChildProcess;
}

export function runInstall(command: string, cwd: string, env: NodeJS.ProcessEnv): InstallRun {
  const child = spawn(command, { cwd, env, shell: true, stdio: ['ignore', 2, 2] });
  const done = new Promise<{ exitCode: number; error?: string }>((resolve) => {
    child.on('error', (err) => resolve({ exitCode: 127, error: err.message }));
    child.on('close', (code, signal) => resolve({ exitCode: code ?? (signal ? 128 : 1) }));
  });
  return { done, child };
}

/**
 * Whether `ciprof run` warms up its after-command code (warmup.ts), apart from it so that
 * collect.ts can decide without loading the warm-up when it is off.
 *
 * Off unless asked for. It takes ~15-30 ms off the time outside the command, but the
 * command itself ran slower by more while it worked on the "idle" core (this 2-core VM's
 * cores share more than they show): mocha, 1,500 tests in one process, 15 interleaved
 * rounds each, auto vs off, 2026-11-27 (`node bench/warmup.mjs --runs 15 --nodes 24` and
 * `--nodes 26`): Node 24 outside x0.84 [0.73, 0.91] but wall x1.033 [0.99, 1.08], CPU x1.10
 * [1.05, 1.14]; Node 26 outside x0.88 [0.81, 0.94], wall x1.03 [1.00, 1.06], CPU x1.08
 * [1.05, 1.13]. Again at once with --write (bench/results/warmup.md): Node 24 wall x1.001
 * [0.97, 1.02], CPU x1.05; Node 26 wall x1.036 [1.01, 1.10], CPU x1.09. Node 22 never showed
 * a gain. Never a wall gain, always more CPU: wall time is what issue 12 asks for, so the
 * default is off.
 */

/** CIPROF_WARMUP=1 runs it whatever the load, =auto only with an idle core (warmup.ts); anything else: off. */
export function warmUpEnabled(env: NodeJS.ProcessEnv = process.env): boolean {
  return env.CIPROF_WARMUP === '1' || env.CIPROF_WARMUP === 'auto';
}

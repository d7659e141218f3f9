/**
 * Whether `ciprof run` warms up its after-command code (warmup.ts), apart from it so that
 * collect.ts can decide without loading the warm-up when it is off.
 */
/**
 * The Node versions where it paid. On a quiet 2-core machine, forced on vs off, 9 interleaved
 * rounds each (bench/results/warmup.md): Node 24, time outside the command x0.79
 * [0.70, 0.90], wall x0.97, CPU x1.02; Node 22, outside x1.00 [0.90, 1.11], wall x1.10,
 * CPU x1.16 (a second run: outside x0.84 [0.74, 1.02]). No gain shown on Node 22, so it
 * stays off there unless forced.
 */
export const MIN_NODE_MAJOR = 24;

const thisNodeMajor = (): number => Number(process.versions.node.split('.')[0]);

/** CIPROF_WARMUP=1 forces it, =0 turns it off; by default on from Node MIN_NODE_MAJOR. */
export function warmUpEnabled(env: NodeJS.ProcessEnv = process.env, nodeMajor = thisNodeMajor()): boolean {
  if (env.CIPROF_WARMUP === '1') return true;
  return env.CIPROF_WARMUP !== '0' && nodeMajor >= MIN_NODE_MAJOR;
}

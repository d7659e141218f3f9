/**
 * The environment fingerprint every profile carries (written by `ciprof run`), and the
 * warnings when base and head differ: a faster CPU or another Node major moves every
 * function, and no statistics can tell that from a code change.
 */
import { cpus, release } from 'node:os';

export const ENV_KEYS = {
  cpu: 'env.cpu',
  cores: 'env.cores',
  os: 'env.os',
  node: 'env.node',
  image: 'env.runner_image',
} as const;

export function environmentFingerprint(env: NodeJS.ProcessEnv = process.env): Record<string, string> {
  const cpu = cpus();
  const meta: Record<string, string> = {
    [ENV_KEYS.cpu]: (cpu[0]?.model ?? 'unknown').trim(),
    [ENV_KEYS.cores]: String(cpu.length),
    [ENV_KEYS.os]: `${process.platform} ${release()}`,
    [ENV_KEYS.node]: process.version,
  };
  // GitHub-hosted runners name their image; other providers expose nothing as stable.
  const image = env.ImageOS ? `${env.ImageOS}${env.ImageVersion ? ` ${env.ImageVersion}` : ''}` : undefined;
  if (image) meta[ENV_KEYS.image] = image;
  return meta;
}

const LABELS: Record<string, string> = {
  [ENV_KEYS.cpu]: 'CPU model',
  [ENV_KEYS.cores]: 'core count',
  [ENV_KEYS.os]: 'OS',
  [ENV_KEYS.node]: 'Node.js version',
  [ENV_KEYS.image]: 'runner image',
};

export function environmentWarnings(base: Record<string, string>, head: Record<string, string>): string[] {
  const out: string[] = [];
  for (const key of Object.values(ENV_KEYS)) {
    const b = base[key];
    const h = head[key];
    if (b !== undefined && h !== undefined && b !== h) out.push(`${LABELS[key]} differs: base ${b}, head ${h}`);
  }
  return out;
}

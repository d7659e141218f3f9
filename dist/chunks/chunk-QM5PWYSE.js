import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/diff/environment.ts
import { cpus, release } from "node:os";
var ENV_KEYS = {
  cpu: "env.cpu",
  cores: "env.cores",
  os: "env.os",
  node: "env.node",
  image: "env.runner_image"
};
function environmentFingerprint(env = process.env) {
  const cpu = cpus();
  const meta = {
    [ENV_KEYS.cpu]: (cpu[0]?.model ?? "unknown").trim(),
    [ENV_KEYS.cores]: String(cpu.length),
    [ENV_KEYS.os]: `${process.platform} ${release()}`,
    [ENV_KEYS.node]: process.version
  };
  const image = env.ImageOS ? `${env.ImageOS}${env.ImageVersion ? ` ${env.ImageVersion}` : ""}` : void 0;
  if (image) meta[ENV_KEYS.image] = image;
  return meta;
}
var LABELS = {
  [ENV_KEYS.cpu]: "CPU model",
  [ENV_KEYS.cores]: "core count",
  [ENV_KEYS.os]: "OS",
  [ENV_KEYS.node]: "Node.js version",
  [ENV_KEYS.image]: "runner image"
};
function environmentWarnings(base, head) {
  const out = [];
  for (const key of Object.values(ENV_KEYS)) {
    const b = base[key];
    const h = head[key];
    if (b !== void 0 && h !== void 0 && b !== h) out.push(`${LABELS[key]} differs: base ${b}, head ${h}`);
  }
  return out;
}

export {
  ENV_KEYS,
  environmentFingerprint,
  environmentWarnings
};

import { createRequire as __ciprofCreateRequire } from 'node:module';
const require = __ciprofCreateRequire(import.meta.url);

// src/util/dist-file.ts
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
function distFile(name) {
  const candidates = [new URL(`./${name}`, import.meta.url), new URL(`../${name}`, import.meta.url), new URL(`../../dist/${name}`, import.meta.url)];
  for (const c of candidates) {
    const p = fileURLToPath(c);
    if (existsSync(p)) return p;
  }
  throw new Error(`cannot find ${name} next to ciprof (run npm run build)`);
}

export {
  distFile
};

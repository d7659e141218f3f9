// Bundles the CLI, the Action entry and the preload agent into dist/ with esbuild.
// dist/ is committed: the Action runs it as is, and `npx ciprof` needs no install step.
// `node scripts/build.mjs --check` rebuilds into a temp dir and fails if dist/ differs.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const check = process.argv.includes('--check');
const outdir = check ? mkdtempSync(join(tmpdir(), 'ciprof-dist-')) : 'dist';
if (!check) {
  rmSync(outdir, { recursive: true, force: true });
  mkdirSync(outdir);
}

// ESM bundles still contain CommonJS dependencies that call require() on builtins.
const requireShim =
  "import { createRequire as __ciprofCreateRequire } from 'node:module';\n" +
  'const require = __ciprofCreateRequire(import.meta.url);';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
const common = { define: { __CIPROF_VERSION__: JSON.stringify(version) }, bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };

await build({
  ...common,
  entryPoints: { cli: 'src/cli/index.ts', index: 'src/action/index.ts' },
  outdir,
  format: 'esm',
  banner: { js: requireShim },
});
await build({ ...common, entryPoints: { agent: 'src/agent/agent.ts' }, outdir, format: 'cjs', outExtension: { '.js': '.cjs' } });
for (const register of (existsSync('src/collect/runners') ? readdirSync('src/collect/runners') : []).filter((f) => f.endsWith('.ts'))) {
  await build({
    ...common,
    entryPoints: [join('src/collect/runners', register)],
    outdir: join(outdir, 'runners'),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
  });
}

if (check) {
  const diff = [];
  const walk = (dir, rel = '') => {
    for (const entry of readdirSync(join(dir, rel), { withFileTypes: true })) {
      const r = join(rel, entry.name);
      if (entry.isDirectory()) walk(dir, r);
      else {
        let committed = null;
        try {
          committed = readFileSync(join('dist', r));
        } catch {}
        if (!committed || !committed.equals(readFileSync(join(dir, r)))) diff.push(r);
      }
    }
  };
  walk(outdir);
  rmSync(outdir, { recursive: true, force: true });
  if (diff.length) {
    console.error(`dist/ is stale (${diff.join(', ')}): run npm run build and commit dist/`);
    process.exit(1);
  }
  console.log('dist/ is up to date');
}

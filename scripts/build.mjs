// Bundles the CLI, the Action entry and the preload agent into dist/ with esbuild.
// dist/ is committed: the Action runs it as is, and `npx ciprof` needs no install step.
// `node scripts/build.mjs --check` rebuilds into a staging dir and fails if dist/ differs.
// The build always goes to a staging dir first and files are renamed into dist/ one by
// one, so a test that runs dist/cli.js during a rebuild never finds it missing or half written.
import { build } from 'esbuild';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync, mkdirSync } from 'node:fs';
import { dirname, join } from 'node:path';

const check = process.argv.includes('--check');
mkdirSync('.cache', { recursive: true });
const outdir = mkdtempSync(join('.cache', 'dist-staging-'));

// ESM bundles still contain CommonJS dependencies that call require() on builtins.
const requireShim =
  "import { createRequire as __ciprofCreateRequire } from 'node:module';\n" +
  'const require = __ciprofCreateRequire(import.meta.url);';

const version = JSON.parse(readFileSync('package.json', 'utf8')).version;
// The PR comment template travels inside the bundle: the Action runs dist/ without templates/.
const commentTemplate = readFileSync('templates/comment.md', 'utf8');
// The HTML report's page script is bundled first and inlined, with the page skeleton, into
// the Node bundles as string constants: `ciprof report` and the Action then need no file
// beside dist/. Options match REPORT_UI_BUILD_OPTIONS in src/render/ui-bundle.ts.
const reportUi = await build({
  entryPoints: ['src/report-ui/main.ts'],
  bundle: true,
  format: 'iife',
  target: 'chrome100',
  minify: true,
  legalComments: 'none',
  platform: 'browser',
  write: false,
  logLevel: 'warning',
});
const reportDefines = {
  __CIPROF_REPORT_UI__: JSON.stringify(reportUi.outputFiles[0].text),
  __CIPROF_REPORT_TEMPLATE__: JSON.stringify(readFileSync('templates/report.html', 'utf8')),
};
// Targets: GitHub runs the Action on node24 (action.yml `runs.using`); users run the CLI on
// Node 22, 24 and 26; the agent and runner hooks load inside the user's own test processes,
// Node 20 included while it costs nothing.
const common = { define: { __CIPROF_VERSION__: JSON.stringify(version), ...reportDefines, __CIPROF_COMMENT_TEMPLATE__: JSON.stringify(commentTemplate) }, bundle: true, platform: 'node', target: 'node20', legalComments: 'none', logLevel: 'warning' };

await build({
  ...common,
  target: 'node22',
  // merge-worker: the worker threads of `ciprof merge` (src/profile/merge-files.ts); report-worker:
  // `ciprof run`'s report.html (src/pipeline/report-thread.ts); both share the CLI's chunks.
  entryPoints: { cli: 'src/cli/index.ts', 'merge-worker': 'src/profile/merge-worker.ts', 'report-worker': 'src/render/report-worker.ts' },
  outdir,
  format: 'esm',
  // Heavy parts (the Actions toolkit for the GitHub store and publishing) are imported
  // dynamically and land in their own chunks: `ciprof run` never parses them.
  splitting: true,
  chunkNames: 'chunks/[name]-[hash]',
  banner: { js: requireShim },
});
// The Action entry is one file, like other JavaScript actions: it loads the toolkit anyway.
await build({ ...common, target: 'node24', entryPoints: { index: 'src/action/index.ts' }, outdir, format: 'esm', banner: { js: requireShim } });
// The agent and the runner hooks run inside the user's processes, where the code under test
// may replace the global `process` (signal-exit's fixtures set it to null; pino's to an
// object with a fake pid) and still expects its exit and signals to go as without ciprof.
// Each of these bundles binds `process` to the real one once, at load, before any user code
// runs: every use inside, at exit or on a signal included, reads that binding, never the
// global. A bundle that declared its own top-level `process` would now fail to load, loudly.
const ownProcess = { js: '"use strict";\nconst process = globalThis.process;' };
await build({ ...common, entryPoints: { agent: 'src/agent/agent.ts' }, outdir, format: 'cjs', outExtension: { '.js': '.cjs' }, banner: ownProcess });
for (const register of (existsSync('src/collect/runners') ? readdirSync('src/collect/runners') : []).filter((f) => f.endsWith('.ts'))) {
  await build({
    ...common,
    entryPoints: [join('src/collect/runners', register)],
    outdir: join(outdir, 'runners'),
    format: 'cjs',
    outExtension: { '.js': '.cjs' },
    banner: ownProcess,
  });
}

const listFiles = (dir, rel = '') =>
  existsSync(join(dir, rel))
    ? readdirSync(join(dir, rel), { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? listFiles(dir, join(rel, e.name)) : [join(rel, e.name)]))
    : [];
const built = listFiles(outdir);
const committed = listFiles('dist');
if (check) {
  const stale = built.filter((r) => !existsSync(join('dist', r)) || !readFileSync(join('dist', r)).equals(readFileSync(join(outdir, r))));
  stale.push(...committed.filter((r) => !built.includes(r)));
  rmSync(outdir, { recursive: true, force: true });
  if (stale.length) {
    console.error(`dist/ is stale (${stale.join(', ')}): run npm run build and commit dist/`);
    process.exit(1);
  }
  console.log('dist/ is up to date');
} else {
  for (const r of built) {
    mkdirSync(dirname(join('dist', r)), { recursive: true });
    renameSync(join(outdir, r), join('dist', r));
  }
  for (const r of committed.filter((f) => !built.includes(f))) rmSync(join('dist', r));
  rmSync(outdir, { recursive: true, force: true });
}

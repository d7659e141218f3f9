/**
 * Which `node-options` npm would use for a script (src/collect/npm-node-options.ts): the
 * .npmrc syntax npm reads, and its order (environment, project, user, global).
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { nodeOptionsInNpmrc, npmNodeOptions, npmNodeOptionsEnv } from '../../src/collect/npm-node-options.js';

const work = mkdtempSync(join(tmpdir(), 'ciprof-npmrc-unit-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));
let n = 0;
/** A home, a global prefix and a project (with `files`), each its own directory. */
function layout(files: Record<string, string>): { home: string; prefix: string; project: string; env: NodeJS.ProcessEnv } {
  const root = join(work, `l${n++}`);
  const home = join(root, 'home');
  const prefix = join(root, 'prefix');
  const project = join(root, 'repo');
  for (const d of [home, join(prefix, 'etc'), join(prefix, 'bin'), project]) mkdirSync(d, { recursive: true });
  writeFileSync(join(prefix, 'bin', 'node'), '');
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(root, name, '..'), { recursive: true });
    writeFileSync(join(root, name), text);
  }
  return { home, prefix, project, env: { HOME: home, PATH: join(prefix, 'bin') } };
}

describe('nodeOptionsInNpmrc', () => {
  const read = (text: string, env: NodeJS.ProcessEnv = {}): string | undefined => nodeOptionsInNpmrc(text, env);

  it('reads the key as npm does: plain, quoted, with comments, last one wins', () => {
    expect(read('node-options=--max-old-space-size=4096\n')).toBe('--max-old-space-size=4096');
    expect(read('  node-options =  --a --b  \n')).toBe('--a --b');
    expect(read('node-options="--a --b" \n')).toBe('--a --b');
    expect(read("node-options='--a'\n")).toBe('--a');
    expect(read('node-options=--a ; a comment\n')).toBe('--a');
    expect(read('node-options=--a\nnode-options=--b\n')).toBe('--b');
    expect(read('node_options=--u\n')).toBe('--u');
    expect(read('; node-options=--commented\n# node-options=--also\n')).toBeUndefined();
    expect(read('registry=https://example.test/\n')).toBeUndefined();
  });

  it('ignores the key inside a section, and expands ${VAR} as npm does', () => {
    expect(read('[scope]\nnode-options=--in-section\n')).toBeUndefined();
    expect(read('node-options=--max-old-space-size=${HEAP}\n', { HEAP: '2048' })).toBe('--max-old-space-size=2048');
    expect(read('node-options=--x=${MISSING?}\n', {})).toBe('--x=');
    expect(read('node-options=--x=${MISSING}\n', {})).toBe('--x=${MISSING}');
  });
});

describe('npmNodeOptions', () => {
  it('is undefined where nothing sets it', () => {
    const l = layout({ 'repo/package.json': '{}', 'home/.npmrc': 'registry=https://example.test/\n' });
    expect(npmNodeOptions(l.project, l.env)).toBeUndefined();
  });

  it('takes the environment first (any case), then the project, the user and the global file', () => {
    const l = layout({ 'repo/package.json': '{}', 'repo/.npmrc': 'node-options=--project\n', 'home/.npmrc': 'node-options=--user\n', 'prefix/etc/npmrc': 'node-options=--global\n' });
    expect(npmNodeOptions(l.project, { ...l.env, NPM_CONFIG_NODE_OPTIONS: '--env' })?.value).toBe('--env');
    expect(npmNodeOptions(l.project, l.env)?.value).toBe('--project');
    rmSync(join(l.project, '.npmrc'));
    expect(npmNodeOptions(l.project, l.env)?.value).toBe('--user');
    rmSync(join(l.home, '.npmrc'));
    expect(npmNodeOptions(l.project, l.env)).toMatchObject({ value: '--global', source: join(l.prefix, 'etc', 'npmrc') });
  });

  it("finds the project's .npmrc from a subdirectory, and a workspace root's from a workspace", () => {
    const l = layout({ 'repo/package.json': '{}', 'repo/.npmrc': 'node-options=--root\n', 'repo/test/unit/x.js': '' });
    expect(npmNodeOptions(join(l.project, 'test', 'unit'), l.env)?.value).toBe('--root');
    const w = layout({ 'repo/package.json': '{"workspaces":["packages/*"]}', 'repo/.npmrc': 'node-options=--workspace-root\n', 'repo/packages/a/package.json': '{}' });
    expect(npmNodeOptions(join(w.project, 'packages', 'a'), w.env)?.value).toBe('--workspace-root');
  });

  it('honours npm_config_userconfig and npm_config_globalconfig', () => {
    const l = layout({ 'elsewhere/user.npmrc': 'node-options=--from-userconfig\n', 'elsewhere/global.npmrc': 'node-options=--from-globalconfig\n' });
    const base = join(l.project, '..', 'elsewhere');
    expect(npmNodeOptions(l.project, { ...l.env, npm_config_userconfig: join(base, 'user.npmrc') })?.value).toBe('--from-userconfig');
    expect(npmNodeOptions(l.project, { ...l.env, npm_config_globalconfig: join(base, 'global.npmrc') })?.value).toBe('--from-globalconfig');
  });
});

describe('npmNodeOptionsEnv', () => {
  const add = (v: string): string => `${v} --require /x/agent.cjs`;

  it('sets npm_config_node_options with the preloads, replacing the other spellings', () => {
    const l = layout({ 'repo/package.json': '{}' });
    expect(npmNodeOptionsEnv(l.project, { ...l.env, NPM_CONFIG_NODE_OPTIONS: '--a' }, add)).toEqual({ set: { npm_config_node_options: '--a --require /x/agent.cjs' }, unset: ['NPM_CONFIG_NODE_OPTIONS'] });
  });

  it('adds nothing where no node-options is set, or where it is empty (npm then leaves NODE_OPTIONS alone)', () => {
    const l = layout({ 'repo/package.json': '{}', 'repo/.npmrc': 'node-options=\n' });
    expect(npmNodeOptionsEnv(l.project, l.env, add)).toEqual({ set: {}, unset: [] });
    const m = layout({ 'repo/package.json': '{}' });
    expect(npmNodeOptionsEnv(m.project, m.env, add)).toEqual({ set: {}, unset: [] });
  });
});

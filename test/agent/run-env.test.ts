/**
 * The run's settings where a task runner keeps NODE_OPTIONS but drops CIPROF_* (turbo's
 * strict env mode): the agent's --require path carries the raw directory as a detour that
 * Node resolves lexically, and the other settings are read back from run-env.json.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ALLOC_ENV } from '../../src/agent/protocol.js';
import { pathThroughRawDir, RAW_DIR_PREFIX, rawDirInNodeOptions, RUN_ENV_FILE, runRawDir } from '../../src/agent/run-env.js';
import { envForNode, NODE_VERSIONS } from '../helpers/cli.js';

const base = mkdtempSync(join(tmpdir(), 'ciprof-run-env-'));
afterAll(() => rmSync(base, { recursive: true, force: true }));
const rawDir = (): string => mkdtempSync(join(base, RAW_DIR_PREFIX));

describe('the raw directory in the --require path', () => {
  it('resolves to the file itself, and gives the directory back from NODE_OPTIONS', () => {
    const dir = '/tmp/ciprof-raw-Ab12Cd';
    const detour = pathThroughRawDir(dir, '/opt/ciprof/dist/agent.cjs');
    expect(detour).toBe('/tmp/ciprof-raw-Ab12Cd/../../opt/ciprof/dist/agent.cjs');
    expect(resolve(detour)).toBe('/opt/ciprof/dist/agent.cjs');
    expect(rawDirInNodeOptions(`--max-old-space-size=300 --require /opt/ciprof/dist/runners/preload.cjs --require ${detour}`)).toBe(dir);
  });

  it('finds nothing in NODE_OPTIONS that carry no raw directory', () => {
    for (const options of [undefined, '', '--require /opt/ciprof/dist/agent.cjs', '--require /tmp/other/../x.cjs', '--require ./ciprof-raw-x/../a.cjs']) expect(rawDirInNodeOptions(options)).toBeUndefined();
  });
});

describe('runRawDir', () => {
  it('takes CIPROF_RAW_DIR when it is set, and reads nothing', () => {
    const env: NodeJS.ProcessEnv = { CIPROF_RAW_DIR: '/somewhere', NODE_OPTIONS: `--require ${pathThroughRawDir('/tmp/ciprof-raw-none', '/x/agent.cjs')}` };
    expect(runRawDir(env)).toBe('/somewhere');
    expect(env.CIPROF_INTERVAL_US).toBeUndefined();
  });

  it('where a task runner dropped CIPROF_*: the directory from NODE_OPTIONS, the settings from run-env.json, back in the environment', () => {
    const dir = rawDir();
    writeFileSync(join(dir, RUN_ENV_FILE), JSON.stringify({ CIPROF_INTERVAL_US: '250', [ALLOC_ENV]: '4096' }));
    const env: NodeJS.ProcessEnv = { NODE_OPTIONS: `--require ${pathThroughRawDir(dir, '/x/agent.cjs')}`, [ALLOC_ENV]: '8192' };
    expect(runRawDir(env)).toBe(dir);
    expect(env.CIPROF_RAW_DIR).toBe(dir);
    expect(env.CIPROF_INTERVAL_US).toBe('250');
    // A variable the task did get is left as it is.
    expect(env[ALLOC_ENV]).toBe('8192');
  });

  it('once the run is over (raw directory removed): undefined, the environment untouched', () => {
    const dir = rawDir();
    rmSync(dir, { recursive: true });
    const env: NodeJS.ProcessEnv = { NODE_OPTIONS: `--require ${pathThroughRawDir(dir, '/x/agent.cjs')}` };
    expect(runRawDir(env)).toBeUndefined();
    expect(env).toEqual({ NODE_OPTIONS: env.NODE_OPTIONS });
  });
});

describe.each(NODE_VERSIONS)('$label', (node) => {
  it.skipIf(!node.available)('Node loads a --require through a raw directory that no longer exists (a process that outlives the run)', () => {
    const preload = join(base, `preload-${node.major}.cjs`);
    writeFileSync(preload, "process.stdout.write('preloaded ');\n");
    const gone = rawDir();
    rmSync(gone, { recursive: true });
    const r = spawnSync(node.bin, ['-e', "console.log('ran')"], { env: { ...envForNode(node.bin), NODE_OPTIONS: `--require ${pathThroughRawDir(gone, preload)}` }, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(r.stdout).toBe('preloaded ran\n');
  });
});

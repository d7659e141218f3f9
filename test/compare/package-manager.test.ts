import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { planInstall } from '../../src/compare/package-manager.js';

const dirs: string[] = [];
const repo = (files: string[]): string => {
  const d = mkdtempSync(join(tmpdir(), 'ciprof-pm-'));
  dirs.push(d);
  for (const f of files) {
    mkdirSync(join(d, f, '..'), { recursive: true });
    writeFileSync(join(d, f), '');
  }
  return d;
};
afterEach(() => {
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

describe('planInstall', () => {
  it.each([
    ['package-lock.json', 'npm ci'],
    ['pnpm-lock.yaml', 'pnpm install --frozen-lockfile'],
    ['yarn.lock', 'yarn install --frozen-lockfile'],
  ])('%s -> %s', (lock, command) => {
    const d = repo([lock]);
    expect(planInstall(d, d)).toMatchObject({ command, dir: '' });
  });

  it('finds the workspace lockfile above a package directory and installs there', () => {
    const d = repo(['pnpm-lock.yaml', 'packages/a/package.json']);
    expect(planInstall(join(d, 'packages/a'), d)).toMatchObject({ command: 'pnpm install --frozen-lockfile', dir: '' });
  });

  it('prefers the nearest lockfile', () => {
    const d = repo(['yarn.lock', 'packages/a/package-lock.json']);
    expect(planInstall(join(d, 'packages/a'), d)).toMatchObject({ command: 'npm ci', dir: 'packages/a' });
  });

  it('--install overrides, and an empty one skips', () => {
    const d = repo(['package-lock.json']);
    expect(planInstall(d, d, 'make deps').command).toBe('make deps');
    expect(planInstall(d, d, '').command).toBeUndefined();
  });

  it('no lockfile: nothing to install, and says so', () => {
    const d = repo(['package.json']);
    const plan = planInstall(d, d);
    expect(plan.command).toBeUndefined();
    expect(plan.reason).toMatch(/no lockfile/);
  });
});

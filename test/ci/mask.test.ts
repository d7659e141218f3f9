/** One masker: secrets registered once are hidden in Actions logs and redacted from every text. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSecret, maskUrlCredentials, redact, redactUrlCredentials } from '../../src/ci/mask.js';
import { CLI } from '../helpers/cli.js';

describe('redact', () => {
  it('replaces secrets raw, base64 (Basic auth) and URL-encoded', () => {
    const b64 = Buffer.from('user:hunter22').toString('base64');
    expect(redact(`token hunter22 and ${b64}`, ['user:hunter22', 'hunter22'])).toBe('token *** and ***');
    expect(redact('pw=p%40ss%2Fword', ['p@ss/word'])).toBe('pw=***');
  });

  it('removes URL credentials whether or not they were registered', () => {
    expect(redactUrlCredentials('GET https://u:p4ss@host:8443/x failed')).toBe('GET https://***@host:8443/x failed');
    expect(redactUrlCredentials('remote https://ghp_abcdef@github.com/a/b')).toBe('remote https://***@github.com/a/b');
    // An @ in a path or an e-mail address is not userinfo.
    expect(redactUrlCredentials('https://host/a@b and me@example.com')).toBe('https://host/a@b and me@example.com');
  });

  it('redacts registered secrets from then on, and never blanks short words', () => {
    maskSecret('s3cr3t-value', {});
    maskSecret('ab', {});
    expect(redact('value s3cr3t-value ab')).toBe('value *** ab');
    maskUrlCredentials('https://bob:hidden%21pw@pyro.example', {});
    expect(redact('the password is hidden!pw, or hidden%21pw')).toBe('the password is ***, or ***');
  });
});

describe('a password inside --server', () => {
  it('is masked first in GitHub Actions and never printed on a URL error', () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'ciprof-mask-'));
    try {
      const profile = path.join(dir, 'p.cpuprofile');
      writeFileSync(profile, JSON.stringify({ nodes: [{ id: 1, callFrame: { functionName: '(root)', url: '', lineNumber: -1, columnNumber: -1, scriptId: '0' }, children: [] }], startTime: 0, endTime: 1000, samples: [1], timeDeltas: [1000] }));
      const r = spawnSync(process.execPath, [CLI, 'upload', profile, '--server', 'https://bob:Tr0ub4dor-pw@pyro.example:99999'], {
        encoding: 'utf8',
        env: { PATH: process.env.PATH, HOME: process.env.HOME, GITHUB_ACTIONS: 'true' },
      });
      expect(r.status).not.toBe(0);
      expect(r.stderr).toMatch(/--server "https:\/\/\*\*\*@pyro\.example:99999" is not a URL/);
      const lines = r.stdout.split('\n');
      expect(lines).toContain('::add-mask::Tr0ub4dor-pw');
      const log = (r.stdout + r.stderr).split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n');
      expect(log).not.toContain('Tr0ub4dor-pw');
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

/** One masker: secrets registered once are hidden in Actions logs and redacted from every text. */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { maskSecret, maskUrlCredentials, redact, redactUrlCredentials } from '../../src/ci/mask.js';
import { DIFF_REPORT_SCHEMA, serializeDiffReport, type DiffReport } from '../../src/diff/diff-report.js';
import { diffProfiles } from '../../src/diff/function-diff.js';
import { ProfileBuilder } from '../../src/profile/model.js';
import { renderComment, renderJobSummary } from '../../src/render/markdown.js';
import { formatDiffText } from '../../src/render/text.js';
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

describe('outputs', () => {
  it('diff.json, the comment, the job summary and the terminal text never hold a known secret or URL credentials', () => {
    maskSecret('ghp_0123456789abcdefSECRET', {});
    const leak = 'ghp_0123456789abcdefSECRET';
    const profile = (ms: number) => {
      const b = new ProfileBuilder();
      const main = b.functionId('main', 'src/main.js', 1);
      for (let i = 0; i < 20; i++) b.addSample([b.functionId(`steady${i}`, `src/s${i}.js`, 1), main], [50_000, 50_000e6]);
      b.addSample([b.functionId(`fetch_${leak}`, `src/https://bob:pw1234@host/x.js`, 3), main], [ms, ms * 1e6]);
      return b.build();
    };
    const diff = diffProfiles(profile(100), profile(400));
    const report: DiffReport = {
      schema: DIFF_REPORT_SCHEMA,
      ciprofVersion: 'test',
      jobKey: 'k',
      provider: 'github',
      repository: 'acme/shop',
      serverUrl: 'https://github.com',
      head: { commit: 'b'.repeat(40) },
      base: { source: 'store', found: true, commit: 'a'.repeat(40), reason: `token ${leak} and https://u:pw1234@host` },
      diff,
      changedPaths: [],
      links: { run: `https://github.com/acme/shop/actions/runs/1?t=${leak}` },
    };
    expect(diff.regressions).toHaveLength(1);
    for (const out of [serializeDiffReport(report), renderComment(report), renderJobSummary(report), formatDiffText(report)]) {
      expect(out).not.toContain(leak);
      expect(out).not.toContain('pw1234');
      expect(out).toContain('***');
    }
  });
});

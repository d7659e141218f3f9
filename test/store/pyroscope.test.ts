/**
 * Pyroscope upload and baseline fetch against a protocol-faithful local server
 * (test/helpers/pyroscope-server.ts), which decodes requests with Pyroscope's own message
 * definitions. Real HTTP on 127.0.0.1; nothing of ours is mocked.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { gunzipSync } from 'node:zlib';
import { functionKey, ProfileBuilder, type Profile } from '../../src/profile/model.js';
import { decodePprof } from '../../src/profile/pprof.js';
import { PyroscopeStore } from '../../src/store/pyroscope.js';
import { parseWindow } from '../../src/pyroscope/settings.js';
import { uploadProfile, type PyroscopeProtocol } from '../../src/pyroscope/upload.js';
import { pyroscopeDiffUrl } from '../../src/pyroscope/ui.js';
import { sanitizeLabelName, sanitizeLabelValue, parseUserLabels } from '../../src/pyroscope/labels.js';
import { closedPort, startFakePyroscope, type FakePyroscope } from '../helpers/pyroscope-server.js';

const COMMIT = 'a'.repeat(40);
const FAST = { baseDelayMs: 5, maxDelayMs: 20, deadlineMs: 5_000 };

function sampleProfile(commit = COMMIT): Profile {
  const b = new ProfileBuilder();
  b.period = 1_000_000;
  b.timeNanos = Date.now() * 1e6 - 5e9;
  b.durationNanos = 2e9;
  const main = b.functionId('main', 'src/index.js', 1);
  const parse = b.functionId('parse', 'src/parse.js', 10);
  const idle = b.functionId('(idle)', '', 0);
  // Same stack in two threads and two tests: must merge once pid/thread/test_name are dropped.
  b.addSample([parse, main], [30, 30e6], { pid: 11, thread: 0, test_file: 'test/a.test.js', test_name: 'parses' });
  b.addSample([parse, main], [20, 20e6], { pid: 12, thread: 1, test_file: 'test/a.test.js', test_name: 'parses again' });
  b.addSample([main], [7, 7e6], { pid: 11, thread: 0, test_file: 'test/b.test.js', test_name: 'x' });
  b.addSample([idle], [3, 3e6], { pid: 11, thread: 0 });
  b.meta = {
    commit,
    branch: 'feat/x,y}',
    pr: '42',
    'ci.provider': 'github',
    'ci.workflow': 'CI',
    'ci.job': 'test',
    'ci.matrix': 'node-20',
    job_key: 'CI_test_node-20',
    repository: 'acme/shop',
  };
  return b.build();
}

/** Function key -> [samples, cpu ns], self time (leaf). */
function selfTotals(p: Profile): Map<string, [number, number]> {
  const out = new Map<string, [number, number]>();
  for (const s of p.samples) {
    const k = functionKey(p.functions[s.stack[0]!]!);
    const cur = out.get(k) ?? [0, 0];
    out.set(k, [cur[0] + s.values[0]!, cur[1] + s.values[1]!]);
  }
  return out;
}

let server: FakePyroscope;
beforeEach(async () => {
  server = await startFakePyroscope();
});
afterEach(async () => {
  await server.close();
});

const store = (extra: Partial<ConstructorParameters<typeof PyroscopeStore>[0]> = {}): PyroscopeStore =>
  new PyroscopeStore({ server: server.url, app: 'shop', auth: {}, windowMs: parseWindow('30d'), retry: FAST, ...extra });

describe('upload then baseline fetch', () => {
  for (const protocol of ['push', 'ingest'] as PyroscopeProtocol[]) {
    it(`round-trips the same samples (${protocol})`, async () => {
      const profile = sampleProfile();
      await uploadProfile(profile, { server: server.url, app: 'shop', protocol, auth: {}, retry: FAST });
      expect(server.series.every((s) => s.via === protocol)).toBe(true);

      const s = store();
      const found = await s.find('CI_test_node-20', COMMIT);
      expect(found).toHaveLength(1);
      const back = decodePprof(gunzipSync(await s.get(found[0]!)));
      expect(back.sampleTypes).toEqual([
        { type: 'samples', unit: 'count' },
        { type: 'cpu', unit: 'nanoseconds' },
      ]);
      expect(back.period).toBe(1_000_000);
      expect(selfTotals(back)).toEqual(selfTotals(profile));
      expect(back.meta.commit).toBe(COMMIT);

      expect(await s.find('CI_test_node-20', 'b'.repeat(40))).toEqual([]);
      expect(await s.find('other-job', COMMIT)).toEqual([]);
    });
  }

  it('put() uploads through the push API and find() sees it', async () => {
    const { encodePprofGzip } = await import('../../src/profile/gzip.js');
    const s = store();
    const commit = 'c'.repeat(40);
    await s.put({ jobKey: 'CI_test_node-20', commit }, encodePprofGzip(sampleProfile(commit)));
    expect(await s.find('CI_test_node-20', commit)).toHaveLength(1);
  });

  it('looks only inside the time window', async () => {
    const old = sampleProfile();
    old.timeNanos = (Date.now() - 40 * 86_400_000) * 1e6;
    await uploadProfile(old, { server: server.url, app: 'shop', protocol: 'push', auth: {}, retry: FAST });
    expect(await store().find('CI_test_node-20', COMMIT)).toEqual([]);
    expect(await store({ windowMs: parseWindow('60d') }).find('CI_test_node-20', COMMIT)).toHaveLength(1);
  });
});

describe('labels as Pyroscope expects them', () => {
  it('series labels: __name__, service_name, CI facts, sanitized user labels; pid/thread/test_name dropped', async () => {
    const user = parseUserLabels(['team.name=perf', '9lives=yes', '__x=no', 'bad'], () => undefined);
    await uploadProfile(sampleProfile(), { server: server.url, app: 'acme/shop', protocol: 'push', auth: {}, userLabels: user, retry: FAST });
    const labels = server.series.map((s) => s.labels);
    // One series per distinct kept sample label set: test_file a, b, and none.
    expect(labels).toHaveLength(3);
    for (const l of labels) {
      expect(l).toMatchObject({
        __name__: 'process_cpu',
        service_name: 'acme/shop',
        commit: COMMIT,
        branch: 'feat/x_y_',
        pr: '42',
        ci_provider: 'github',
        workflow: 'CI',
        job: 'test',
        matrix: 'node-20',
        job_key: 'CI_test_node-20',
        team_name: 'perf',
        _9lives: 'yes',
      });
      expect(Object.keys(l).every((n) => /^[a-zA-Z_][a-zA-Z0-9_]*$/.test(n))).toBe(true);
      expect(l).not.toHaveProperty('pid');
      expect(l).not.toHaveProperty('thread');
      expect(l).not.toHaveProperty('test_name');
      expect(l).not.toHaveProperty('__x');
    }
    expect(labels.map((l) => l.test_file).sort()).toEqual([undefined, 'test/a.test.js', 'test/b.test.js'].sort());
  });

  it('the ingest path stores the same series labels as push', async () => {
    await uploadProfile(sampleProfile(), { server: server.url, app: 'shop', protocol: 'push', auth: {}, retry: FAST });
    const viaPush = server.series.splice(0).map((s) => s.labels);
    await uploadProfile(sampleProfile(), { server: server.url, app: 'shop', protocol: 'ingest', auth: {}, retry: FAST });
    const viaIngest = server.series.map((s) => s.labels);
    const sortKeys = (ls: Record<string, string>[]): string[] => ls.map((l) => JSON.stringify(Object.entries(l).sort())).sort();
    expect(sortKeys(viaIngest)).toEqual(sortKeys(viaPush));
    const ingest = server.requests.find((r) => r.path.startsWith('/ingest'))!;
    const q = new URL(ingest.path, 'http://x').searchParams;
    expect(q.get('format')).toBe('pprof');
    expect(q.get('spyName')).toBe('nodespy');
    expect(q.get('name')).toMatch(/^shop\{commit=a{40},branch=feat\/x_y_,/);
    expect(Number(q.get('until'))).toBeGreaterThan(Number(q.get('from')));
  });

  it('--labels test_file,test_name keeps per-test series; none keeps none', async () => {
    await uploadProfile(sampleProfile(), { server: server.url, app: 'shop', protocol: 'push', auth: {}, keepSampleLabels: ['test_file', 'test_name'], retry: FAST });
    expect(server.series.map((s) => s.labels.test_name).filter(Boolean).sort()).toEqual(['parses', 'parses again', 'x']);
    server.series.length = 0;
    await uploadProfile(sampleProfile(), { server: server.url, app: 'shop', protocol: 'push', auth: {}, keepSampleLabels: [], retry: FAST });
    expect(server.series).toHaveLength(1);
  });

  it('sanitizes names and caps values', () => {
    expect(sanitizeLabelName('ci.provider')).toBe('ci_provider');
    expect(sanitizeLabelName('a-b c')).toBe('a_b_c');
    expect(sanitizeLabelName('...')).toBe('___');
    expect(sanitizeLabelValue('x'.repeat(5000))).toHaveLength(256);
    expect(sanitizeLabelValue(' a,b}c\n')).toBe('a_b_c');
  });
});

describe('auth headers', () => {
  it('sends bearer token, basic auth and X-Scope-OrgID on upload and query', async () => {
    await uploadProfile(sampleProfile(), { server: server.url, app: 'shop', protocol: 'push', auth: { token: 'tok-123', tenant: 'team-a' }, retry: FAST });
    await uploadProfile(sampleProfile(), { server: server.url, app: 'shop', protocol: 'ingest', auth: { basicAuth: 'user:p@ss', tenant: 'team-a' }, retry: FAST });
    await store({ auth: { basicAuth: 'user:p@ss', tenant: 'team-a' } }).find('CI_test_node-20', COMMIT);
    const [push, ingest, query] = server.requests;
    expect(push!.headers.authorization).toBe('Bearer tok-123');
    expect(push!.headers['content-type']).toBe('application/proto');
    expect(push!.headers['connect-protocol-version']).toBe('1');
    expect(ingest!.headers.authorization).toBe(`Basic ${Buffer.from('user:p@ss').toString('base64')}`);
    expect(query!.path).toBe('/querier.v1.QuerierService/SelectMergeProfile');
    expect(query!.headers.authorization).toBe(`Basic ${Buffer.from('user:p@ss').toString('base64')}`);
    for (const r of server.requests) expect(r.headers['x-scope-orgid']).toBe('team-a');
  });
});

describe('retries', () => {
  it('retries 503 twice then succeeds', async () => {
    server.script.push({ status: 503, body: 'overloaded' }, { status: 503, body: 'overloaded' });
    const retries: string[] = [];
    const r = await uploadProfile(sampleProfile(), { server: server.url, app: 'shop', protocol: 'push', auth: {}, retry: FAST, onRetry: (l) => retries.push(l) });
    expect(r.attempts).toBe(3);
    expect(retries).toHaveLength(2);
    expect(server.requests.map((q) => q.status)).toEqual([503, 503, 200]);
    expect(server.series.length).toBeGreaterThan(0);
  });

  it('honours Retry-After on 429', async () => {
    server.script.push({ status: 429, body: 'slow down', headers: { 'retry-after': '1' } });
    const t0 = Date.now();
    const r = await uploadProfile(sampleProfile(), { server: server.url, app: 'shop', protocol: 'ingest', auth: {}, retry: FAST });
    expect(r.attempts).toBe(2);
    expect(Date.now() - t0).toBeGreaterThanOrEqual(950);
  });

  it('does not retry a 400 and names the status and the server message', async () => {
    server.script.push({ status: 400, body: JSON.stringify({ code: 'invalid_argument', message: 'invalid labels: service name is not provided' }), headers: { 'content-type': 'application/json' } });
    const err = await uploadProfile(sampleProfile(), { server: server.url, app: 'shop', protocol: 'push', auth: { token: 'sekrit' }, retry: FAST }).catch((e: Error) => e);
    expect(server.requests).toHaveLength(1);
    expect(String(err)).toMatch(/HTTP 400: invalid_argument: invalid labels: service name is not provided/);
    expect((err as { transient?: boolean }).transient).toBe(false);
  });

  it('a validation error decoded by the server comes back as a 400, not retried', async () => {
    // Pyroscope allows 30 label names per series (sample labels included): 12 ours + 12 user + 7 kept sample labels = 31.
    const p = sampleProfile();
    const wide = Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`s${i}`, 'v']));
    p.samples = p.samples.map((s) => ({ ...s, labels: wide }));
    const err = await uploadProfile(p, {
      server: server.url,
      app: 'shop',
      protocol: 'push',
      auth: {},
      userLabels: Object.fromEntries(Array.from({ length: 12 }, (_, i) => [`l${i}`, 'v'])),
      keepSampleLabels: Object.keys(wide),
      retry: FAST,
    }).catch((e: Error) => e);
    expect(String(err)).toMatch(/HTTP 400: invalid_argument: .*label names; limit 30/);
    expect(server.requests).toHaveLength(1);
  });

  it('gives up on a closed port within the deadline, as a transient error', async () => {
    const port = await closedPort();
    const t0 = Date.now();
    const err = await uploadProfile(sampleProfile(), { server: `http://127.0.0.1:${port}`, app: 'shop', protocol: 'push', auth: { token: 'sekrit-token' }, retry: { ...FAST, deadlineMs: 300 } }).catch((e: Error) => e);
    expect(Date.now() - t0).toBeLessThan(3_000);
    expect((err as { transient?: boolean }).transient).toBe(true);
    expect(String(err)).toMatch(/ECONNREFUSED/);
    expect(String(err)).not.toContain('sekrit');
  });
});

describe('pyroscopeDiffUrl', () => {
  it('links the comparison view of base vs head', () => {
    const url = new URL(
      pyroscopeDiffUrl({ server: 'https://pyro.example/', app: 'shop', jobKey: 'CI_test', base: { commit: 'b'.repeat(40), from: 1000, until: 2000 }, head: { commit: 'c'.repeat(40), from: 3000, until: 4000 } }),
    );
    expect(url.origin + url.pathname).toBe('https://pyro.example/comparison-diff');
    expect(url.searchParams.get('leftQuery')).toBe(`process_cpu:cpu:nanoseconds:cpu:nanoseconds{service_name="shop",job_key="CI_test",commit="${'b'.repeat(40)}"}`);
    expect(url.searchParams.get('rightQuery')).toContain(`commit="${'c'.repeat(40)}"`);
    expect([url.searchParams.get('leftFrom'), url.searchParams.get('rightUntil'), url.searchParams.get('from'), url.searchParams.get('until')]).toEqual(['1000', '4000', '1000', '4000']);
  });
});

/**
 * The Action's secret inputs go through the one masker (src/ci/mask.ts) before anything is
 * printed: the built Action (clean action.yml + dist/) runs with a GitHub token, a Pyroscope
 * token, basic auth and a pyroscope-url carrying `user:password@`, against a local
 * Pyroscope stand-in that refuses the upload and echoes back every credential it was sent
 * (raw, base64 as in the Basic header, URL-encoded). The log masks each secret in each form
 * first, and no line of the log, the job summary or the outputs shows any of them.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { installAction, runActionDist } from '../helpers/action-run.js';

const GH_TOKEN = 'ghs_inputTok5e1f';
const PYRO_TOKEN = 'pyro-input-tok-5e1f';
const URL_PASSWORD = 'p@ss/w0rd-5e1f';
const BASIC = `ci-user:${'basic-pass-5e1f'}`;

let work: string;
let actionDir: string;
let workspace: string;
let server: Server;
let port: number;
const seen: string[] = [];

const b64 = (s: string): string => Buffer.from(s).toString('base64');

beforeAll(async () => {
  work = mkdtempSync(path.join(tmpdir(), 'ciprof-action-inputs-'));
  actionDir = installAction(work);
  workspace = path.join(work, 'ws');
  mkdirSync(workspace);
  // Refuses every request (400, not retried) with a message made of the credentials sent.
  server = createServer((req, res) => {
    const auth = req.headers.authorization ?? '';
    seen.push(auth);
    const basic = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString() : '';
    const echoed = `${auth} ${basic} ${encodeURIComponent(basic)} ${b64(URL_PASSWORD)} ${encodeURIComponent(URL_PASSWORD)}`;
    res.writeHead(400, { 'content-type': 'application/json' }).end(JSON.stringify({ code: 'invalid_argument', message: `bad credentials: ${echoed}` }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  port = (server.address() as AddressInfo).port;
});

afterAll(async () => {
  await new Promise((r) => server.close(r));
  if (work) rmSync(work, { recursive: true, force: true });
});

/** Every file under `dir`, as text. */
function allText(dir: string): string {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(dir, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f).toString('latin1'))
    .join('\n');
}

it('masks every secret input, in each form it travels in, before printing anything; none reaches a log line, summary, output or file', async () => {
  const r = await runActionDist({
    actionDir,
    workspace,
    inputs: {
      run: 'node -e 0',
      mode: 'collect',
      'upload-artifact': 'false',
      'github-token': GH_TOKEN,
      'pyroscope-url': `http://${encodeURIComponent('ci-user')}:${encodeURIComponent(URL_PASSWORD)}@127.0.0.1:${port}/`,
      'pyroscope-app': 'shop',
    },
    env: { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40), GITHUB_REPOSITORY: 'acme/shop' },
  });
  expect(r.status, r.stderr).toBe(0);
  // The upload happened, with the URL's credentials as basic auth, and was refused.
  expect(seen).toContain(`Basic ${b64(`ci-user:${URL_PASSWORD}`)}`);
  const log = `${r.stdout}\n${r.stderr}`.split('\n');
  // The command's own escaping (%25, %0D, %0A), undone as the runner does.
  const masked = log.filter((l) => l.startsWith('::add-mask::')).map((l) => l.slice('::add-mask::'.length).replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%'));
  for (const form of [GH_TOKEN, b64(GH_TOKEN), URL_PASSWORD, encodeURIComponent(URL_PASSWORD), b64(URL_PASSWORD), `ci-user:${URL_PASSWORD}`, b64(`ci-user:${URL_PASSWORD}`)]) {
    expect(masked, form).toContain(form);
  }
  // Masks come first: the runner hides only what it was told before the line.
  const firstOther = log.findIndex((l) => l.trim() !== '' && !l.startsWith('::add-mask::'));
  expect(Math.max(...log.map((l, i) => (l.startsWith('::add-mask::') ? i : -1)))).toBeLessThan(firstOther);
  // The refusal is reported, its echoed credentials replaced.
  const refusal = log.find((l) => /bad credentials/.test(l));
  expect(refusal, r.stdout).toMatch(/\*\*\*/);
  const rest = [...log.filter((l) => !l.startsWith('::add-mask::')), r.summary, r.outputs, allText(workspace)].join('\n');
  for (const secret of [GH_TOKEN, URL_PASSWORD, encodeURIComponent(URL_PASSWORD), b64(URL_PASSWORD), b64(`ci-user:${URL_PASSWORD}`)]) {
    expect(rest, secret).not.toContain(secret);
  }
});

it('a pyroscope token and basic-auth input are masked the same way', async () => {
  const r = await runActionDist({
    actionDir,
    workspace,
    inputs: { run: 'node -e 0', mode: 'collect', 'upload-artifact': 'false', 'pyroscope-url': `http://127.0.0.1:${port}`, 'pyroscope-token': PYRO_TOKEN, 'pyroscope-basic-auth': BASIC },
    env: { GITHUB_REF: 'refs/heads/main', GITHUB_SHA: 'a'.repeat(40), GITHUB_REPOSITORY: 'acme/shop' },
  });
  expect(r.status, r.stderr).toBe(0);
  const masked = r.stdout.split('\n').filter((l) => l.startsWith('::add-mask::'));
  for (const form of [PYRO_TOKEN, b64(PYRO_TOKEN), BASIC, b64(BASIC), 'basic-pass-5e1f']) expect(masked).toContain(`::add-mask::${form}`);
  const rest = r.stdout.split('\n').filter((l) => !l.startsWith('::add-mask::')).join('\n') + r.stderr + r.summary;
  for (const secret of [PYRO_TOKEN, b64(BASIC), 'basic-pass-5e1f']) expect(rest).not.toContain(secret);
});

/**
 * A Pyroscope answer is input ciprof does not control (the server, a proxy, or whoever
 * answers in its place): it is read and decoded within limits, and every refusal is one
 * line naming the query. Real HTTP on 127.0.0.1 from a server written here to misbehave:
 * an endless answer, a declared-huge answer, a gzip Content-Encoding bomb, a pprof
 * string-table bomb, JSON instead of pprof, a 10 MB multi-line error. The two bombs are
 * fetched by the store in a child process whose peak RSS is read back.
 *
 * Memory bound stated: a baseline fetch is refused within 400 MB peak RSS, whatever the
 * answer (answers are read up to 128 MiB after decompression, then decoded with the
 * decoders' element-count caps).
 */
import { spawn } from 'node:child_process';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { createGzip, gzipSync } from 'node:zlib';
import { buildSync } from 'esbuild';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pyroscopeRequest } from '../../src/pyroscope/http.js';
import { PyroscopeStore } from '../../src/store/pyroscope.js';
import { parseWindow } from '../../src/pyroscope/settings.js';
import { ROOT } from '../helpers/cli.js';

const BOUND_MB = 400;
const MiB = 1024 * 1024;
type Handler = (req: IncomingMessage, res: ServerResponse) => void;

let server: Server;
let url: string;
let handler: Handler;
let requests = 0;
let dir: string;
let bundle: string;

/** gzip of `mb` MiB of zeros (about 1 KB per MiB), compressed 1 MiB at a time. */
async function zerosGzip(mb: number): Promise<Buffer> {
  const gz = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gz.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => gz.on('end', resolve));
  const chunk = Buffer.alloc(MiB);
  for (let i = 0; i < mb; i++) if (!gz.write(chunk)) await new Promise((resolve) => gz.once('drain', resolve));
  gz.end();
  await done;
  return Buffer.concat(parts);
}

/** A pprof whose string table holds `n` empty strings (field 6, length 0) and nothing else. */
const stringBomb = (n: number): Buffer => Buffer.alloc(n * 2, Buffer.from([0x32, 0x00]));

beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'ciprof-pyro-limits-'));
  bundle = path.join(dir, 'store.mjs');
  buildSync({ entryPoints: [path.join(ROOT, 'src/store/pyroscope.ts')], bundle: true, platform: 'node', format: 'esm', outfile: bundle, logLevel: 'silent' });
  server = createServer((req, res) => {
    requests++;
    req.resume();
    req.on('end', () => handler(req, res));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
  rmSync(dir, { recursive: true, force: true });
});

const FAST = { retries: 2, baseDelayMs: 5, maxDelayMs: 10, deadlineMs: 10_000 };
const request = (maxResponseBytes?: number) =>
  pyroscopeRequest({ server: url, path: '/querier.v1.QuerierService/SelectMergeProfile', body: new Uint8Array(1), contentType: 'application/proto', auth: {}, retry: FAST, maxResponseBytes });

/** The store's baseline lookup in a child; its error line and peak RSS (MB). */
async function findInChild(): Promise<{ error: string; maxRssMb: number }> {
  const script = `
    import { PyroscopeStore } from ${JSON.stringify(bundle)};
    const store = new PyroscopeStore({ server: ${JSON.stringify(url)}, app: 'shop', auth: {}, windowMs: 86400000, retry: { retries: 0 } });
    let error = '';
    try { await store.find('ci_test', ${JSON.stringify('a'.repeat(40))}); } catch (err) { error = err.message; }
    console.log(JSON.stringify({ error, maxRssMb: process.resourceUsage().maxRSS / 1024 }));`;
  const child = spawn(process.execPath, ['--input-type=module', '-e', script], { env: { PATH: process.env.PATH } });
  let out = '';
  let err = '';
  child.stdout.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr.on('data', (d: Buffer) => (err += d.toString()));
  const code = await new Promise<number | null>((r) => child.on('close', r));
  expect(code, err).toBe(0);
  return JSON.parse(out) as { error: string; maxRssMb: number };
}

describe('the answer is read up to a cap', () => {
  it('an endless answer is refused once past the cap, in one line, not retried', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/proto' });
      const chunk = Buffer.alloc(64 * 1024, 0x32);
      const more = (): void => {
        while (res.write(chunk));
        res.once('drain', more);
      };
      res.on('close', () => res.removeAllListeners('drain'));
      more();
    };
    requests = 0;
    const err = await request(MiB).catch((e: Error) => e);
    expect(err).toBeInstanceOf(Error);
    expect((err as Error).message).toBe(`${url}/querier.v1.QuerierService/SelectMergeProfile: answer larger than ${MiB} bytes (refused)`);
    expect(requests).toBe(1);
  });

  it('a declared Content-Length over the cap is refused before reading', async () => {
    handler = (_req, res) => {
      res.writeHead(200, { 'content-type': 'application/proto', 'content-length': String(4 * MiB) });
      res.write(Buffer.alloc(1024));
      // Never finishes: only a client that trusted the length first would wait here.
    };
    const err = await request(MiB).catch((e: Error) => e);
    expect((err as Error).message).toMatch(new RegExp(`answer of ${4 * MiB} bytes \\(limit ${MiB}\\)$`));
  });

  it('an error answer of 10 MB over many lines is one line of at most 300 characters of the server\'s text', async () => {
    handler = (_req, res) => res.writeHead(400, { 'content-type': 'text/plain' }).end('bad\nrequest\r\n'.repeat(800_000));
    const err = await request().catch((e: Error) => e);
    const message = (err as Error).message;
    expect(message.split('\n')).toHaveLength(1);
    expect(message).toMatch(/answered HTTP 400: bad request bad request/);
    expect(message.length).toBeLessThan(400);
  });

  it('an answer within the cap is returned whole (the cap is what refused the others)', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/proto' }).end(Buffer.alloc(MiB - 1, 7));
    expect((await request(MiB)).body.length).toBe(MiB - 1);
  });
});

describe('the baseline fetch decodes the answer with the profile limits', () => {
  it(`a gzip Content-Encoding bomb (256 MiB of zeros in 256 KB) is refused in one line within ${BOUND_MB} MB`, async () => {
    const bomb = await zerosGzip(256);
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/proto', 'content-encoding': 'gzip', 'content-length': String(bomb.length) }).end(bomb);
    const r = await findInChild();
    expect(r.error).toMatch(/SelectMergeProfile: answer larger than 134217728 bytes \(refused\)$/);
    expect(r.error.split('\n')).toHaveLength(1);
    expect(r.maxRssMb).toBeLessThan(BOUND_MB);
    console.log(`gzip Content-Encoding bomb: refused, peak RSS ${Math.round(r.maxRssMb)} MB`);
  });

  it(`a pprof of 3 million empty strings (gzipped body) is refused in one line naming the query, within ${BOUND_MB} MB`, async () => {
    const bomb = gzipSync(stringBomb(3_000_000));
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/proto' }).end(bomb);
    const r = await findInChild();
    expect(r.error).toMatch(/^pyroscope SelectMergeProfile answer \(process_cpu:cpu:nanoseconds:cpu:nanoseconds \{.*commit="a{40}".*\}\): not a pprof profile \(.*more than 1000000 strings/);
    expect(r.error.split('\n')).toHaveLength(1);
    expect(r.maxRssMb).toBeLessThan(BOUND_MB);
    console.log(`string-table bomb: refused, peak RSS ${Math.round(r.maxRssMb)} MB`);
  });

  it('JSON where pprof was expected is one line, not a crash', async () => {
    handler = (_req, res) => res.writeHead(200, { 'content-type': 'application/json' }).end('{"nodes":[{"id":1,"parent":1}]}');
    const store = new PyroscopeStore({ server: url, app: 'shop', auth: {}, windowMs: parseWindow('1d'), retry: FAST });
    await expect(store.find('ci_test', 'a'.repeat(40))).rejects.toThrow(/^pyroscope SelectMergeProfile answer \(.*\): JSON, not a pprof profile$/);
  });
});

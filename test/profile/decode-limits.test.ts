/**
 * The memory bound, measured: each hostile or maximal file is decoded alone in a child
 * process (as `ciprof merge` reads it) and its peak RSS is read back. The bound ciprof
 * states: any single input file is decoded within 1 GiB; a decompression or element-count
 * bomb is refused within 300 MB. A V8 profile whose nodes form a parent cycle (it killed
 * V8 with exit 133) is one line, not a crash.
 */
import { closeSync, mkdtempSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createGzip } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS } from '../../src/profile/limits.js';
import { runDecodeChild } from './decode-child.js';

const BOUND_MB = 1024;
const BOMB_BOUND_MB = 300;
const dir = mkdtempSync(join(tmpdir(), 'ciprof-limits-'));
const file = (name: string): string => join(dir, name);

/** gzip of `mb` MB of empty pprof strings (field 6, length 0). */
async function stringBomb(name: string, mb: number): Promise<void> {
  const chunk = Buffer.alloc(1024 * 1024, Buffer.from([0x32, 0x00]));
  const gz = createGzip({ level: 9 });
  const parts: Buffer[] = [];
  gz.on('data', (b: Buffer) => parts.push(b));
  const done = new Promise((resolve) => gz.on('end', resolve));
  for (let i = 0; i < mb; i++) if (!gz.write(chunk)) await new Promise((resolve) => gz.once('drain', resolve));
  gz.end();
  await done;
  writeFileSync(file(name), Buffer.concat(parts));
}

/** Writes a large JSON file piece by piece. */
function writer(name: string): { put: (s: string) => void; end: () => void } {
  const fd = openSync(file(name), 'w');
  let buf = '';
  return {
    put: (s) => {
      buf += s;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    },
    end: () => {
      writeSync(fd, buf);
      closeSync(fd);
    },
  };
}

const ROOT_NODE = '{"id":1,"callFrame":{"functionName":"(root)","scriptId":"0","url":"","lineNumber":-1,"columnNumber":-1},"hitCount":0';

/** `n` distinct functions under the root, each sampled once: every per-function table at its largest. */
function wideProfile(name: string, n: number): void {
  const w = writer(name);
  w.put(`{"nodes":[${ROOT_NODE},"children":[`);
  for (let i = 2; i <= n + 1; i++) w.put(`${i > 2 ? ',' : ''}${i}`);
  w.put(']}');
  for (let i = 2; i <= n + 1; i++) w.put(`,{"id":${i},"callFrame":{"functionName":"f${i}","scriptId":"${i}","url":"/x/${i}.js","lineNumber":${i},"columnNumber":1},"hitCount":1}`);
  w.put(`],"startTime":0,"endTime":${(n + 1) * 1000},"samples":[`);
  for (let i = 2; i <= n + 1; i++) w.put(`${i > 2 ? ',' : ''}${i}`);
  w.put('],"timeDeltas":[');
  for (let i = 2; i <= n + 1; i++) w.put(i > 2 ? ',1' : '1');
  w.put(']}');
  w.end();
}

/** One function sampled `n` times: the tick arrays at their largest. */
function longProfile(name: string, n: number): void {
  const w = writer(name);
  w.put(`{"nodes":[${ROOT_NODE},"children":[2]},{"id":2,"callFrame":{"functionName":"spin","scriptId":"1","url":"/x.js","lineNumber":1,"columnNumber":1},"hitCount":0}],"startTime":0,"endTime":${n * 2},"samples":[`);
  for (let i = 0; i < n; i++) w.put(i ? ',2' : '2');
  w.put('],"timeDeltas":[');
  for (let i = 0; i < n; i++) w.put(i ? ',1' : '1');
  w.put(']}');
  w.end();
}

function cyclicProfile(name: string): void {
  const frame = (n: string): string => `{"functionName":"${n}","scriptId":"1","url":"/x.js","lineNumber":1,"columnNumber":1}`;
  writeFileSync(
    file(name),
    `{"nodes":[${ROOT_NODE},"children":[]},{"id":2,"callFrame":${frame('a')},"children":[3]},{"id":3,"callFrame":${frame('b')},"children":[2]}],"startTime":0,"endTime":10,"samples":[3],"timeDeltas":[1]}`,
  );
}

beforeAll(async () => {
  await stringBomb('bomb448.pb.gz', 448);
  await stringBomb('bomb100.pb.gz', 100);
  cyclicProfile('cycle.cpuprofile');
  wideProfile('wide.cpuprofile', DEFAULT_LIMITS.maxFunctions - 1000);
  longProfile('long.cpuprofile', DEFAULT_LIMITS.maxTicks - 100_000);
}, 300_000);

describe('decoding within the stated memory bound', () => {
  it.each([
    ['bomb448.pb.gz', /decompresses to more than 134217728 bytes/, BOMB_BOUND_MB],
    ['bomb100.pb.gz', /more than 1000000 strings/, BOMB_BOUND_MB],
    ['cycle.cpuprofile', /parent cycle through node 2/, BOMB_BOUND_MB],
  ])('%s: refused in one line', async (name, problem, bound) => {
    const r = await runDecodeChild(['files', file(name)], BOUND_MB);
    console.log(`${name}: peak RSS ${r.peakRssMB.toFixed(0)} MB`);
    expect(r.crashes).toEqual([]);
    expect(r.multiLine).toEqual([]);
    expect(r.ok).toBe(0);
    expect(Object.keys(r.problems).join()).toMatch(new RegExp(problem.source.replace(/\d+/g, 'N')));
    expect(r.peakRssMB).toBeLessThan(bound);
  });

  it.each(['wide.cpuprofile', 'long.cpuprofile'])('%s, just under the caps: decoded within the bound', async (name) => {
    const r = await runDecodeChild(['files', file(name)], BOUND_MB);
    console.log(`${name}: peak RSS ${r.peakRssMB.toFixed(0)} MB, heap ${r.peakHeapMB.toFixed(0)} MB`);
    expect(r.crashes).toEqual([]);
    expect(r.ok).toBe(1);
    expect(r.peakRssMB).toBeLessThan(BOUND_MB);
  });
});

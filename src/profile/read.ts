/**
 * Reads any profile file we accept (pprof or V8 .cpuprofile, gzipped or not) into the
 * model. Every failure is a ProfileInputError naming the file and the problem.
 */
import { readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { addCpuProfile, checkCpuProfile, type CpuProfileImportOptions, type V8CpuProfile } from './cpuprofile.js';
import { ProfileInputError } from './errors.js';
import { ProfileBuilder, type Profile } from './model.js';
import { decodePprof } from './pprof.js';

/** Decompressed size cap: a 1 MB gzip bomb must not take the CI runner down with it. */
export const DEFAULT_MAX_INPUT_BYTES = 512 * 1024 * 1024;

export type ParsedProfileFile = { kind: 'pprof'; profile: Profile } | { kind: 'cpuprofile'; cpu: V8CpuProfile & { $ciprof?: unknown } };

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function gunzipCapped(bytes: Uint8Array, maxBytes = DEFAULT_MAX_INPUT_BYTES): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger|buffer.*too large/i.test(e.message)) {
      throw new Error(`decompresses to more than ${maxBytes} bytes (refused: possible decompression bomb)`);
    }
    throw new Error(`corrupt or truncated gzip (${e.message})`);
  }
}

export function parseProfileBytes(file: string, raw: Uint8Array, maxBytes = DEFAULT_MAX_INPUT_BYTES): ParsedProfileFile {
  try {
    if (raw.length === 0) throw new Error('empty file');
    const bytes = isGzip(raw) ? gunzipCapped(raw, maxBytes) : raw;
    if (bytes.length === 0) throw new Error('empty after decompression');
    let first = 0;
    while (first < bytes.length && (bytes[first] === 0x20 || bytes[first] === 0x0a || bytes[first] === 0x0d || bytes[first] === 0x09)) first++;
    if (bytes[first] === 0x7b /* { */) {
      let json: unknown;
      try {
        json = JSON.parse(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8'));
      } catch (err) {
        throw new Error(`invalid JSON (${(err as Error).message})`);
      }
      checkCpuProfile(json);
      return { kind: 'cpuprofile', cpu: json };
    }
    return { kind: 'pprof', profile: decodePprof(bytes) };
  } catch (err) {
    if (err instanceof ProfileInputError) throw err;
    throw new ProfileInputError(file, (err as Error).message);
  }
}

/** Reads and parses one profile file; every failure is a ProfileInputError naming it. */
export function readAndParseProfile(file: string): ParsedProfileFile {
  let raw: Buffer;
  try {
    raw = readFileSync(file);
  } catch (err) {
    throw new ProfileInputError(file, (err as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (err as Error).message);
  }
  return parseProfileBytes(file, raw);
}

export function readProfileFile(file: string, options: Partial<CpuProfileImportOptions> = {}): Profile {
  const parsed = readAndParseProfile(file);
  if (parsed.kind === 'pprof') return parsed.profile;
  const builder = new ProfileBuilder();
  const stats = addCpuProfile(builder, parsed.cpu, { repoRoot: options.repoRoot ?? process.cwd(), ...options });
  builder.durationNanos = (stats.endUs - stats.startUs) * 1000;
  return builder.build();
}

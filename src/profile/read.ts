/**
 * Reads any profile file we accept (pprof or V8 .cpuprofile, gzipped or not) into the
 * model. Every failure is a ProfileInputError naming the file and the problem, in one line.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { CpuProfileImporter, type CpuProfileImportOptions } from './cpuprofile.js';
import { ProfileInputError } from './errors.js';
import { DEFAULT_LIMITS, type DecodeLimits } from './limits.js';
import { ProfileBuilder, type Profile } from './model.js';
import { decodePprof } from './pprof-decode.js';

/** A pprof is decoded at once; a V8 profile is left as bytes for a CpuProfileImporter (which shares frames between files). */
export type ParsedProfileFile = { kind: 'pprof'; profile: Profile } | { kind: 'cpuprofile'; bytes: Uint8Array };

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

export function gunzipCapped(bytes: Uint8Array, maxBytes = DEFAULT_LIMITS.maxBytes): Buffer {
  try {
    return gunzipSync(bytes, { maxOutputLength: maxBytes });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ERR_BUFFER_TOO_LARGE' || /Cannot create a Buffer larger|buffer.*too large/i.test(e.message)) {
      throw new Error(`decompresses to more than ${maxBytes} bytes (refused: possible decompression bomb)`);
    }
    throw new Error(`corrupt or truncated gzip (${e.message.split('\n', 1)[0]})`);
  }
}

/** One line, whatever the decoder said. */
const oneLine = (message: string): string => message.replace(/\s*[\r\n]+\s*/g, ' ');

export function parseProfileBytes(file: string, raw: Uint8Array, limits: DecodeLimits = DEFAULT_LIMITS): ParsedProfileFile {
  try {
    if (raw.length === 0) throw new Error('empty file');
    if (raw.length > limits.maxBytes) throw new Error(`file of ${raw.length} bytes (limit ${limits.maxBytes})`);
    const bytes = isGzip(raw) ? gunzipCapped(raw, limits.maxBytes) : raw;
    if (bytes.length === 0) throw new Error('empty after decompression');
    let first = 0;
    while (first < bytes.length && (bytes[first] === 0x20 || bytes[first] === 0x0a || bytes[first] === 0x0d || bytes[first] === 0x09)) first++;
    if (bytes[first] === 0x7b /* { */) return { kind: 'cpuprofile', bytes };
    return { kind: 'pprof', profile: decodePprof(bytes, limits) };
  } catch (err) {
    throw asInputError(file, err);
  }
}

export function asInputError(file: string, err: unknown): ProfileInputError {
  if (err instanceof ProfileInputError) return err;
  return new ProfileInputError(file, oneLine(err instanceof Error ? err.message : String(err)));
}

/** The bytes of a file, refused before reading when larger than any profile we accept. */
export function readProfileBytes(file: string, limits: DecodeLimits = DEFAULT_LIMITS): Buffer {
  try {
    const size = statSync(file).size;
    if (size > limits.maxBytes) throw new Error(`file of ${size} bytes (limit ${limits.maxBytes})`);
    return readFileSync(file);
  } catch (err) {
    throw asInputError(file, (err as NodeJS.ErrnoException).code === 'ENOENT' ? new Error('no such file') : err);
  }
}

/**
 * Reads many files into one reused buffer: a merge of hundreds of profiles otherwise
 * allocates their total size in buffers that only the garbage collector frees. What
 * read() returns is valid until the next read().
 */
export class ProfileFileReader {
  private buffer: Buffer = Buffer.allocUnsafe(1024 * 1024);

  constructor(private readonly limits: DecodeLimits = DEFAULT_LIMITS) {}

  read(file: string): Uint8Array {
    let fd: number | undefined;
    try {
      fd = openSync(file, 'r');
      // No fstat for a file that fits the buffer: on Node 20 each fstatSync builds a Stats
      // object, which cost more than the read for the small profiles a run writes.
      let got = 0;
      for (;;) {
        if (got === this.buffer.length) {
          const size = fstatSync(fd).size;
          if (size > this.limits.maxBytes) throw new Error(`file of ${size} bytes (limit ${this.limits.maxBytes})`);
          this.buffer = grown(this.buffer, got, size + 1);
        }
        const n = readSync(fd, this.buffer, got, this.buffer.length - got, got);
        if (n === 0) break;
        got += n;
        if (got > this.limits.maxBytes) throw new Error(`file of more than ${this.limits.maxBytes} bytes (limit ${this.limits.maxBytes})`);
      }
      return this.buffer.subarray(0, got);
    } catch (err) {
      throw asInputError(file, (err as NodeJS.ErrnoException).code === 'ENOENT' ? new Error('no such file') : err);
    } finally {
      if (fd !== undefined) closeSync(fd);
    }
  }

  /** Reads and parses one file; every failure is a ProfileInputError naming it. */
  parse(file: string): ParsedProfileFile {
    return parseProfileBytes(file, this.read(file), this.limits);
  }
}

/** A buffer of at least `size` bytes (and twice the old one) holding the first `used` bytes of `buffer`. */
function grown(buffer: Buffer, used: number, size: number): Buffer {
  const bigger = Buffer.allocUnsafe(Math.max(size, buffer.length * 2));
  buffer.copy(bigger, 0, 0, used);
  return bigger;
}

/** Reads and parses one profile file; every failure is a ProfileInputError naming it. */
export function readAndParseProfile(file: string, limits: DecodeLimits = DEFAULT_LIMITS): ParsedProfileFile {
  return parseProfileBytes(file, readProfileBytes(file, limits), limits);
}

export function readProfileFile(file: string, options: Partial<CpuProfileImportOptions> = {}): Profile {
  const parsed = readAndParseProfile(file, options.limits);
  if (parsed.kind === 'pprof') return parsed.profile;
  try {
    const builder = new ProfileBuilder();
    const importer = new CpuProfileImporter(builder, { repoRoot: process.cwd(), ...options });
    const stats = importer.add(parsed.bytes);
    builder.durationNanos = (stats.endUs - stats.startUs) * 1000;
    return builder.build();
  } catch (err) {
    throw asInputError(file, err);
  }
}

/**
 * Finds and parses the source map of a script, once per (script URL, map URL): the same
 * module's map arrives from every worker that ran it, and is decoded only once.
 *
 * A map URL is what V8 read from the script's `//# sourceMappingURL=` comment: a `data:`
 * URL (inline maps: vite, ts-jest, babel-jest, tsx) or a path relative to the script
 * (`.js.map` beside built files). Nothing is fetched from the network.
 */
import { closeSync, fstatSync, openSync, readFileSync, readSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { SourceMap, toUrl } from './source-map.js';

/** A map larger than this is refused: a profile must not make ciprof read gigabytes. */
export const MAX_MAP_BYTES = 64 * 1024 * 1024;

/** How many bytes of a built file's end are searched for its sourceMappingURL comment. */
const TAIL_BYTES = 4096;

export class SourceMapLoader {
  private readonly maps = new Map<string, SourceMap | undefined>();
  private readonly onDisk = new Map<string, string | undefined>();
  /** One line per map that could not be read: "<where>: <problem>". */
  readonly problems: string[] = [];

  /** The parsed map, or undefined (reason recorded once in `problems`) when it cannot be read. */
  load(scriptUrl: string, sourceMapUrl: string): SourceMap | undefined {
    const key = `${scriptUrl}\u0000${sourceMapUrl}`;
    if (this.maps.has(key)) return this.maps.get(key);
    let map: SourceMap | undefined;
    const inline = sourceMapUrl.startsWith('data:');
    let where = inline ? `inline source map of ${scriptUrl}` : sourceMapUrl;
    try {
      if (inline) {
        map = SourceMap.parse(parseJson(decodeDataUrl(sourceMapUrl)), scriptUrl);
      } else {
        const mapUrl = new URL(sourceMapUrl, toUrl(scriptUrl)).href;
        where = filePath(mapUrl) ?? mapUrl;
        map = loadFile(mapUrl);
      }
    } catch (err) {
      const e = err as NodeJS.ErrnoException;
      this.problems.push(`${where}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
    }
    this.maps.set(key, map);
    return map;
  }

  /**
   * The map URL a script file on disk names in its last lines, for scripts the agent saw
   * no map for (a profile from `--cpu-prof`, or a script already garbage at flush time).
   * Only for JavaScript files: a .ts file on disk is the original, not what V8 ran.
   */
  mapUrlOnDisk(scriptUrl: string): string | undefined {
    if (this.onDisk.has(scriptUrl)) return this.onDisk.get(scriptUrl);
    let found: string | undefined;
    const file = filePath(scriptUrl);
    if (file && /\.[cm]?js$/.test(file)) {
      try {
        const text = readTail(file, TAIL_BYTES);
        const m = /\/\/[#@] sourceMappingURL=([^\s'"]+)\s*$/.exec(text);
        if (m) found = m[1];
      } catch {
        // gone or unreadable since the run: the frame keeps its generated position
      }
    }
    this.onDisk.set(scriptUrl, found);
    return found;
  }

}

function loadFile(mapUrl: string): SourceMap {
  const file = filePath(mapUrl);
  if (!file) throw new Error('not a local file, not fetched');
  const size = statSync(file).size;
  if (size > MAX_MAP_BYTES) throw new Error(`${size} bytes, over the ${MAX_MAP_BYTES}-byte limit`);
  return SourceMap.parse(parseJson(readFileSync(file, 'utf8')), mapUrl);
}

function decodeDataUrl(url: string): string {
  const comma = url.indexOf(',');
  if (comma < 0) throw new Error('malformed data: URL (no comma)');
  const header = url.slice(5, comma);
  const body = url.slice(comma + 1);
  const bytes = /;base64$/i.test(header) ? (body.length * 3) / 4 : body.length;
  if (bytes > MAX_MAP_BYTES) throw new Error(`${Math.round(bytes)} bytes, over the ${MAX_MAP_BYTES}-byte limit`);
  return /;base64$/i.test(header) ? Buffer.from(body, 'base64').toString('utf8') : decodeURIComponent(body);
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text.replace(/^\)\]\}'[^\n]*\n/, '')); // the spec's optional XSSI prefix
  } catch (err) {
    throw new Error(`invalid JSON (${(err as Error).message})`);
  }
}

/** The local path of a `file:` URL or an absolute path (query and fragment dropped), else undefined. */
export function filePath(url: string): string | undefined {
  if (url.startsWith('file:')) {
    try {
      return fileURLToPath(url.split(/[?#]/, 1)[0]!);
    } catch {
      return undefined;
    }
  }
  return url.startsWith('/') ? url.split(/[?#]/, 1)[0] : undefined;
}

function readTail(file: string, bytes: number): string {
  const fd = openSync(file, 'r');
  try {
    const size = fstatSync(fd).size;
    const buffer = Buffer.alloc(Math.min(size, bytes));
    readSync(fd, buffer, 0, buffer.length, size - buffer.length);
    return buffer.toString('utf8');
  } finally {
    closeSync(fd);
  }
}

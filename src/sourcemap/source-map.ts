/**
 * One parsed source map (revision 3) and the lookup a profile frame needs: generated
 * line/column (0-based, as V8 reports a function's position) -> original source,
 * line, column and, where the map carries one, the original name.
 */
import { pathToFileURL } from 'node:url';
import { decodeMappings, NONE, SEGMENT_FIELDS, type DecodedLines } from './mappings.js';

export interface OriginalPosition {
  /** The original file as a URL (`file:///...`), or as the map wrote it when not resolvable. */
  source: string;
  /** 0-based, as in the map and in V8's call frames. */
  line: number;
  column: number;
  /** The original name at the function's position, when the map has one. */
  name?: string;
}

interface RawSourceMap {
  version?: unknown;
  sources?: unknown;
  sourceRoot?: unknown;
  names?: unknown;
  mappings?: unknown;
  sourcesContent?: unknown;
  sections?: unknown;
}

export class SourceMap {
  private constructor(
    private readonly sources: readonly string[],
    private readonly names: readonly string[],
    private readonly lines: DecodedLines,
    /** Original texts by source index, where the map embeds them (`sourcesContent`). */
    private readonly contents: readonly (string | undefined)[],
  ) {}

  /**
   * `mapUrl` is where the map was found: sources are resolved against it (for an inline
   * map, the script's own URL). Throws a plain Error naming the problem.
   */
  static parse(json: unknown, mapUrl: string): SourceMap {
    const raw = json as RawSourceMap | null;
    if (!raw || typeof raw !== 'object') throw new Error('not a source map (not a JSON object)');
    if (raw.sections !== undefined) throw new Error('index source maps ("sections") are not supported');
    if (raw.version !== 3) throw new Error(`unsupported source map version ${JSON.stringify(raw.version)} (3 expected)`);
    if (!Array.isArray(raw.sources)) throw new Error('source map has no "sources" array');
    if (typeof raw.mappings !== 'string') throw new Error('source map has no "mappings" string');
    const names = Array.isArray(raw.names) ? raw.names.map((n) => (typeof n === 'string' ? n : '')) : [];
    const root = typeof raw.sourceRoot === 'string' ? raw.sourceRoot : '';
    const sources = raw.sources.map((s) => resolveSource(typeof s === 'string' ? s : '', root, mapUrl));
    const contents = Array.isArray(raw.sourcesContent) ? raw.sourcesContent.map((c) => (typeof c === 'string' ? c : undefined)) : [];
    return new SourceMap(sources, names, decodeMappings(raw.mappings), contents);
  }

  hasSource(source: string): boolean {
    return this.sources.includes(source);
  }

  /**
   * This map for code whose line i is line `lineOf[i]` of the code it was made for (-1:
   * a line that code lacks): a map made for a near copy of the code that ran.
   */
  forLines(lineOf: readonly number[]): SourceMap {
    const none = new Int32Array(0);
    return new SourceMap(this.sources, this.names, lineOf.map((l) => (l >= 0 ? (this.lines[l] ?? none) : none)), this.contents);
  }

  /**
   * A map for other code, whose positions `points` stand for positions of the code this map
   * was made for: each gets the segment its counterpart falls in (the same original),
   * starting at its own column. Where several points share a line they are ordered by column.
   */
  forPoints(points: readonly { line: number; column: number; at: { line: number; column: number } }[]): SourceMap {
    const byLine: number[][] = [];
    for (const { line, column, at } of [...points].sort((a, b) => a.line - b.line || a.column - b.column)) {
      const segments = this.lines[at.line];
      if (!segments || segments.length === 0 || line < 0) continue;
      const k = Math.max(0, lastSegmentAtOrBefore(segments, at.column));
      const segment = Array.from(segments.subarray(k * SEGMENT_FIELDS, (k + 1) * SEGMENT_FIELDS));
      segment[0] = column;
      (byLine[line] ??= []).push(...segment);
    }
    const none = new Int32Array(0);
    return new SourceMap(this.sources, this.names, Array.from({ length: byLine.length }, (_, i) => (byLine[i] ? Int32Array.from(byLine[i]) : none)), this.contents);
  }

  /** The original text of `source` (as returned in OriginalPosition.source), if embedded. */
  contentOf(source: string): string | undefined {
    const i = this.sources.indexOf(source);
    return i >= 0 ? this.contents[i] : undefined;
  }

  /**
   * The original position of the code at a generated position: the segment that starts
   * at or before the column on that line, else (a function that starts before the
   * line's first mapped column) the line's first segment. Undefined when the line has
   * no segment with a source: the map says this code has no original.
   */
  originalPositionFor(line: number, column: number): OriginalPosition | undefined {
    const segments = this.lines[line];
    if (!segments || segments.length === 0) return undefined;
    const at = Math.max(0, lastSegmentAtOrBefore(segments, column));
    const base = at * SEGMENT_FIELDS;
    const sourceIndex = segments[base + 1]!;
    if (sourceIndex === NONE) return undefined;
    const source = this.sources[sourceIndex];
    if (source === undefined) return undefined;
    const position: OriginalPosition = { source, line: segments[base + 2]!, column: segments[base + 3]! };
    const name = this.nameNear(segments, at);
    if (name) position.name = name;
    return position;
  }

  /**
   * V8 places a function at its parameter list; generators put the name on the segment
   * of the name token just before it. Only the found segment and the one before count,
   * so a name from an unrelated expression further left is never taken.
   */
  private nameNear(segments: Int32Array, at: number): string | undefined {
    for (let k = at; k >= Math.max(0, at - 1); k--) {
      const nameIndex = segments[k * SEGMENT_FIELDS + 4]!;
      if (nameIndex !== NONE) return this.names[nameIndex] || undefined;
    }
    return undefined;
  }
}

/** Index of the last segment whose generated column is <= column, or -1. */
function lastSegmentAtOrBefore(segments: Int32Array, column: number): number {
  let lo = 0;
  let hi = segments.length / SEGMENT_FIELDS - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (segments[mid * SEGMENT_FIELDS]! <= column) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return found;
}

/** sourceRoot + source, resolved against the map's URL (spec: "resolved relative to the map"). */
function resolveSource(source: string, root: string, mapUrl: string): string {
  const joined = root && !/^[a-z][a-z0-9+.-]*:/i.test(source) && !source.startsWith('/') ? `${root.replace(/\/?$/, '/')}${source}` : source;
  try {
    return new URL(joined, toUrl(mapUrl)).href;
  } catch {
    return joined;
  }
}

/** V8 reports CommonJS and vm scripts by path, ES modules by file URL. */
export function toUrl(pathOrUrl: string): string {
  if (pathOrUrl.startsWith('/') || /^[a-z]:[\\/]/i.test(pathOrUrl)) return pathToFileURL(pathOrUrl).href;
  return pathOrUrl;
}

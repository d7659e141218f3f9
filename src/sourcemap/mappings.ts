/**
 * The `mappings` string of a source map (revision 3): base64 VLQ segments, `,` between
 * segments and `;` between generated lines. Decoded once per map into one sorted
 * Int32Array per generated line, so a lookup is a binary search with no allocation.
 *
 * Our own decoder rather than a dependency: it is one small function, the format has not
 * changed since 2011, and the CLI bundle takes on no package for it.
 */

/** Fields per segment in a decoded line: generated column, source, line, column, name. */
export const SEGMENT_FIELDS = 5;
/** Marks an absent source (1-field segment) or an absent name (4-field segment). */
export const NONE = -1;

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const DIGIT = new Int8Array(128).fill(-1);
for (let i = 0; i < BASE64.length; i++) DIGIT[BASE64.charCodeAt(i)] = i;

/**
 * One entry per generated line (0-based); each holds SEGMENT_FIELDS numbers per segment,
 * sorted by generated column. Source line and column are 0-based, as in the format.
 */
export type DecodedLines = Int32Array[];

/** Throws a plain Error saying what is wrong; callers add the map's name. */
export function decodeMappings(mappings: string): DecodedLines {
  const lines: DecodedLines = [];
  let current: number[] = [];
  let sorted = true;
  // Source, original line/column and name are deltas across the whole string;
  // the generated column restarts at 0 on every line.
  let source = 0;
  let sourceLine = 0;
  let sourceColumn = 0;
  let name = 0;
  let column = 0;
  const fields: number[] = [];
  const endLine = (): void => {
    lines.push(sorted ? Int32Array.from(current) : sortSegments(current));
    current = [];
    sorted = true;
    column = 0;
  };
  let i = 0;
  while (i <= mappings.length) {
    const c = i < mappings.length ? mappings.charCodeAt(i) : 0x3b; /* ; closes the last line */
    if (c === 0x3b /* ; */ || c === 0x2c /* , */) {
      i++;
      if (c === 0x3b) endLine();
      continue;
    }
    fields.length = 0;
    while (i < mappings.length && mappings.charCodeAt(i) !== 0x2c && mappings.charCodeAt(i) !== 0x3b) {
      let value = 0;
      let shift = 0;
      let digit: number;
      do {
        const code = mappings.charCodeAt(i++);
        digit = code < 128 ? DIGIT[code]! : -1;
        if (digit < 0) throw new Error(`invalid base64 VLQ character at offset ${i - 1} of "mappings"`);
        value += (digit & 31) * 2 ** shift;
        shift += 5;
      } while (digit & 32 && i < mappings.length);
      if (digit & 32) throw new Error('"mappings" ends inside a VLQ number');
      fields.push(value % 2 === 1 ? -(value - 1) / 2 : value / 2);
    }
    if (fields.length !== 1 && fields.length !== 4 && fields.length !== 5) {
      throw new Error(`a segment of "mappings" has ${fields.length} fields (1, 4 or 5 expected)`);
    }
    const generatedColumn = (column += fields[0]!);
    if (current.length > 0 && generatedColumn < current[current.length - SEGMENT_FIELDS]!) sorted = false;
    if (fields.length === 1) {
      current.push(generatedColumn, NONE, NONE, NONE, NONE);
      continue;
    }
    source += fields[1]!;
    sourceLine += fields[2]!;
    sourceColumn += fields[3]!;
    if (fields.length === 5) name += fields[4]!;
    current.push(generatedColumn, source, sourceLine, sourceColumn, fields.length === 5 ? name : NONE);
  }
  return lines;
}

/** Some generators emit a line's segments out of order; lookups need them sorted. */
function sortSegments(flat: number[]): Int32Array {
  const order = Array.from({ length: flat.length / SEGMENT_FIELDS }, (_, k) => k);
  order.sort((a, b) => flat[a * SEGMENT_FIELDS]! - flat[b * SEGMENT_FIELDS]!);
  const out = new Int32Array(flat.length);
  order.forEach((from, to) => out.set(flat.slice(from * SEGMENT_FIELDS, (from + 1) * SEGMENT_FIELDS), to * SEGMENT_FIELDS));
  return out;
}

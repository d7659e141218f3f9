import { decodedMappings, TraceMap } from '@jridgewell/trace-mapping';
import { describe, expect, it } from 'vitest';
import { decodeMappings, NONE, SEGMENT_FIELDS } from '../../src/sourcemap/mappings.js';
import { transformGeometry } from './transforms.js';

/** Our decoded lines in trace-mapping's shape: [column] | [column, source, line, column(, name)]. */
function asSegments(lines: Int32Array[]): number[][][] {
  return lines.map((line) => {
    const out: number[][] = [];
    for (let i = 0; i < line.length; i += SEGMENT_FIELDS) {
      const [column, source, srcLine, srcColumn, name] = Array.from(line.subarray(i, i + SEGMENT_FIELDS));
      if (source === NONE) out.push([column!]);
      else if (name === NONE) out.push([column!, source!, srcLine!, srcColumn!]);
      else out.push([column!, source!, srcLine!, srcColumn!, name!]);
    }
    return out;
  });
}

describe('decodeMappings', () => {
  it.each(transformGeometry())('decodes $tool maps exactly as @jridgewell/trace-mapping does', ({ map }) => {
    const reference = decodedMappings(new TraceMap(map)).map((line) => line.map((segment) => [...segment]));
    const ours = asSegments(decodeMappings(JSON.parse(map).mappings));
    // trace-mapping drops trailing empty lines; both agree on every line either has.
    while (ours.length > reference.length && ours[ours.length - 1]!.length === 0) ours.pop();
    expect(ours).toEqual(reference);
    expect(ours.flat().length).toBeGreaterThan(50);
  });

  it('keeps the generated column per line and the other fields across lines, names included', () => {
    // Line 0: col 0 -> src 0 (0,0); col 4 -> (0,4) name 0.  Line 1: col 2 -> (1,2); col 9 unmapped.
    const lines = decodeMappings('AAAA,IAAIA;EACF,O');
    expect(asSegments(lines)).toEqual([
      [
        [0, 0, 0, 0],
        [4, 0, 0, 4, 0],
      ],
      [[2, 0, 1, 2], [9]],
    ]);
  });

  it('sorts segments a generator wrote out of order', () => {
    const lines = decodeMappings('KAAA,LAAE');
    expect(asSegments(lines)[0]!.map((s) => s[0])).toEqual([0, 5]);
  });

  it('says what is wrong with a broken mappings string', () => {
    expect(() => decodeMappings('AA!A')).toThrow(/invalid base64 VLQ character at offset 2/);
    expect(() => decodeMappings('AAAg')).toThrow(/ends inside a VLQ number/);
    expect(() => decodeMappings('AA')).toThrow(/has 2 fields \(1, 4 or 5 expected\)/);
  });
});

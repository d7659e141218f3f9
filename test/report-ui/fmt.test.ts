/**
 * Where a function is, as every view writes it: `file:line`, or the file alone for code a
 * compiler wrote without an original position (line 0, src/sourcemap/apply.ts), never
 * `file:0`, which reads as a line and links to the top of the file.
 */
import { describe, expect, it } from 'vitest';
import { formatFrame } from '../../src/profile/aggregate.js';
import { fileLine } from '../../src/report-ui/fmt.js';

describe('fileLine', () => {
  it('writes the line when there is one, and the file alone at line 0', () => {
    expect(fileLine('src/geometry.ts', 12)).toBe('src/geometry.ts:12');
    expect(fileLine('src/decorators.ts', 0)).toBe('src/decorators.ts');
  });

  it('is what the text views use (ciprof top, the run summary lines)', () => {
    expect(formatFrame({ name: '__exportStar', file: 'src/decorators.ts', line: 0 })).toBe('__exportStar src/decorators.ts');
    expect(formatFrame({ name: 'area', file: 'src/geometry.ts', line: 3 })).toBe('area src/geometry.ts:3');
  });
});

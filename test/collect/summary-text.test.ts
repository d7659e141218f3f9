/**
 * The terminal summary of `ciprof run` (stderr, and the Action's log) prints function, file
 * and test names from the profile: the code under test chooses them. An escape sequence or
 * a line break in one must not recolour the terminal, retitle it, or fake a line of
 * ciprof's (a `::error::` workflow command in the Action's log, say).
 */
import { describe, expect, it } from 'vitest';
import { formatSummaryText, type RunSummary } from '../../src/collect/summary.js';
import { plainLine } from '../../src/util/terminal-text.js';

const NASTY = 'evil\u001b[31mRED\u001b[0m\u001b]0;pwned title\u0007\nciprof: ::error::fake line\r\u202eesrever\u0000end';

function summary(): RunSummary {
  return {
    ciprofVersion: 'test', command: ['node', 't.js'], exitCode: 0, wallMs: 1000, cpuMs: 900, idleMs: 100, samples: 900,
    ciprofMs: 0, ciprofPct: 0, intervalUs: 1000, processes: 1, threads: 1, lostThreads: 0, unprofiledProcesses: 0, meta: {}, warnings: [],
    top: [{ name: NASTY, file: `src/${NASTY}.js`, line: 3, selfMs: 500, totalMs: 600, selfPct: 55.6 }],
    tests: [{ file: `test/${NASTY}.test.js`, name: NASTY, wallMs: 12, cpuMs: 10, top: [{ name: NASTY, selfMs: 5 }] } as unknown as NonNullable<RunSummary['tests']>[number]],
    profile: `.ciprof/${NASTY}/profile.pb.gz`,
  };
}

describe('formatSummaryText', () => {
  const text = formatSummaryText(summary());
  const lines = text.split('\n');

  it('names land on their own lines, with no escape sequence, control or bidi character', () => {
    // eslint-disable-next-line no-control-regex
    expect(text).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/);
    // Every line is one of ciprof's: no name broke out into a line of its own.
    expect(lines.filter((l) => !/^(ciprof: |\s+\d)/.test(l))).toEqual([]);
    expect(lines.filter((l) => l.startsWith('ciprof: ::error::'))).toEqual([]);
    expect(lines.find((l) => l.includes('% '))).toContain('55.6%  evilRED ciprof: ::error::fake line esreverend src/evilRED');
  });

  it('keeps the readable text of each name', () => {
    expect(text).toContain('evilRED ciprof: ::error::fake line esreverend');
    expect(text).toContain('profile written to .ciprof/evilRED');
  });

  it('plainLine is what makes the difference (the raw name would break the check)', () => {
    expect(NASTY.includes('\u001b') && NASTY.includes('\n')).toBe(true);
    expect(plainLine(NASTY)).toBe('evilRED ciprof: ::error::fake line esreverend');
  });
});

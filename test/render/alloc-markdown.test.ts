/**
 * The comment's "Allocations" section: present only with an allocation diff, rows with
 * bytes and q-values, names from profiles escaped, and the noise model stated.
 */
import { describe, expect, it } from 'vitest';
import { diffAllocations } from '../../src/diff/alloc-diff.js';
import { ALLOC_SAMPLES, ALLOC_SPACE, ProfileBuilder, type Profile } from '../../src/profile/model.js';
import { allocationsMd, fmtBytes } from '../../src/render/alloc-markdown.js';
import { renderComment } from '../../src/render/markdown.js';
import { DIFF_REPORT_SCHEMA, parseDiffReport, serializeDiffReport, type DiffReport } from '../../src/diff/diff-report.js';

function side(more: number): Profile {
  const b = new ProfileBuilder();
  b.sampleTypeIndex(ALLOC_SAMPLES);
  b.sampleTypeIndex(ALLOC_SPACE);
  b.meta = { 'alloc.interval_bytes': '4096' };
  const evil = b.functionId('<img src=x onerror=alert(1)>|pipe', 'lib/a.js', 3);
  const calm = b.functionId('calm', 'lib/b.js', 9);
  for (let f = 0; f < 6; f++) {
    const labels = { test_file: `test/t${f}.test.js`, test_name: `**t${f}**` };
    b.addSample([evil], [0, 0, 1000 * more, 1000 * more * 4096], labels);
    b.addSample([calm], [0, 0, 1000, 1000 * 4096], labels);
  }
  return b.build();
}

describe('allocationsMd', () => {
  it('is empty without an allocation diff', () => {
    expect(allocationsMd(undefined, 10, () => 'x')).toBe('');
  });

  it('lists the rows that changed, escaped, with the noise model; the section survives diff.json', () => {
    const alloc = diffAllocations(side(1), side(1.5))!;
    const report: DiffReport = { schema: DIFF_REPORT_SCHEMA, ciprofVersion: '0', jobKey: 'k', head: {}, base: { source: 'file', found: true, reason: 'given' }, changedPaths: [], links: {}, alloc };
    const md = renderComment(parseDiffReport(serializeDiffReport(report)));
    expect(md).toContain('#### Allocations');
    expect(md).toContain('1 function allocate more');
    expect(md).not.toContain('<img');
    expect(md).toMatch(/23\.4 MiB → 35\.2 MiB \| \+11\.7 MiB \(\+50\.0%\)/);
    expect(md).toContain('\\*\\*t0\\*\\*');
    expect(md).toMatch(/Allocation noise model: .*dispersion \d\.\d\d .*of 6; precision-weighted random-effects t on log ratios, p ≤ 0\.05\).*inlining moves/);
  });

  it('fmtBytes', () => {
    expect([fmtBytes(512), fmtBytes(2048), fmtBytes(3 * 1024 ** 2), fmtBytes(5 * 1024 ** 3), fmtBytes(NaN)]).toEqual(['512 B', '2 KiB', '3.0 MiB', '5.00 GiB', '?']);
  });
});

const { test } = require('node:test');
const assert = require('node:assert');
const { salesReport, parseCsv } = require('../src/report.js');

test('a 30k-line sales report round-trips through the CSV parser', () => {
  const orders = Array.from({ length: 10000 }, (_, i) => ({
    id: `o${i}`,
    lines: [1, 2, 3].map((k) => ({ sku: `SKU-${k}`, qty: k, priceCents: 100 * k + i })),
  }));
  const rows = parseCsv(salesReport(orders));
  assert.strictEqual(rows.length, 30001);
  assert.deepStrictEqual(rows[1], ['o0', 'SKU-1', '1', '100']);
});

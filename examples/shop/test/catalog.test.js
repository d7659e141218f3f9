const { test } = require('node:test');
const assert = require('node:assert');
const { makeCatalog, search } = require('../src/catalog.js');

const catalog = makeCatalog(20000 * Number(process.env.SHOP_SCALE || 1));

test('search finds every oak table, cheapest first', () => {
  const hits = search(catalog, 'oak table');
  assert.ok(hits.length > 100);
  for (let i = 1; i < hits.length; i++) assert.ok(hits[i - 1].priceCents <= hits[i].priceCents);
});

test('search for a sku-like number is exact', () => {
  assert.strictEqual(search(catalog, '12345').length, 1);
});

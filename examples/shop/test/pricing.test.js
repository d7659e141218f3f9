const { test } = require('node:test');
const assert = require('node:assert');
const { priceCart } = require('../src/pricing.js');

test('tier discount and German VAT', () => {
  const r = priceCart({ country: 'DE', lines: [{ priceCents: 60000, qty: 1 }] });
  assert.deepStrictEqual(r, { subtotal: 60000, discount: 3000, tax: 10830, total: 67830 });
});

test('a coupon beats a smaller tier discount', () => {
  assert.strictEqual(priceCart({ country: 'US', coupon: 'SAVE20', lines: [{ priceCents: 60000, qty: 1 }] }).discount, 12000);
});

// SHOP_SCALE multiplies the work (the benchmark's longer suite); 1 in the example.
const SCALE = Number(process.env.SHOP_SCALE || 1);

test('pricing 200k random carts stays consistent', () => {
  let s = 1;
  const rand = () => (s = (s * 48271) % 2147483647) / 2147483647;
  for (let i = 0; i < 200000 * SCALE; i++) {
    const lines = Array.from({ length: 1 + Math.floor(rand() * 5) }, () => ({ priceCents: 100 + Math.floor(rand() * 30000), qty: 1 + Math.floor(rand() * 3) }));
    const r = priceCart({ country: ['DE', 'FR', 'US'][i % 3], coupon: i % 7 === 0 ? 'SAVE15' : undefined, lines });
    assert.strictEqual(r.total, r.subtotal - r.discount + r.tax);
  }
});

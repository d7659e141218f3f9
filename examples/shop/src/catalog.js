// An in-memory product catalog with a naive full-text search: the kind of code whose
// cost grows quietly as a test fixture grows.
const WORDS = ['red', 'blue', 'green', 'steel', 'oak', 'linen', 'lamp', 'chair', 'table', 'mug', 'shelf', 'rug', 'vase', 'desk', 'stool'];

function makeCatalog(size, seed = 7) {
  let s = seed;
  const rand = () => (s = (s * 1103515245 + 12345) % 2147483648) / 2147483648;
  const products = [];
  for (let i = 0; i < size; i++) {
    const name = `${WORDS[Math.floor(rand() * 6)]} ${WORDS[6 + Math.floor(rand() * 9)]} ${i}`;
    products.push({ sku: `SKU-${String(i).padStart(6, '0')}`, name, priceCents: 500 + Math.floor(rand() * 20000), stock: Math.floor(rand() * 50) });
  }
  return products;
}

function tokenize(text) {
  return text.toLowerCase().split(/[^a-z0-9]+/).filter(Boolean);
}

function search(products, query) {
  const terms = tokenize(query);
  return products
    .map((p) => ({ p, score: terms.filter((t) => tokenize(p.name).includes(t)).length }))
    .filter((r) => r.score === terms.length)
    .sort((a, b) => b.score - a.score || a.p.priceCents - b.p.priceCents)
    .map((r) => r.p);
}

module.exports = { makeCatalog, search, tokenize };

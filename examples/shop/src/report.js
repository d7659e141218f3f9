// A CSV sales report, built by string concatenation and a hand-written escaper.
function csvEscape(value) {
  const s = String(value);
  return /[",\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

function salesReport(orders) {
  let out = 'order,sku,qty,total_cents\n';
  for (const o of orders) {
    for (const l of o.lines) out += [o.id, l.sku, l.qty, l.priceCents * l.qty].map(csvEscape).join(',') + '\n';
  }
  return out;
}

function parseCsv(text) {
  const rows = [];
  for (const line of text.trim().split('\n')) rows.push(line.split(','));
  return rows;
}

module.exports = { salesReport, parseCsv, csvEscape };

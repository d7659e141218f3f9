// Cart pricing: line totals, tiered discounts, coupon codes and tax, in integer cents.
const TAX_RATE = { DE: 0.19, FR: 0.2, US: 0.0725 };

function lineTotal(line) {
  return line.priceCents * line.qty;
}

function tierDiscount(subtotal) {
  if (subtotal >= 100000) return Math.round(subtotal * 0.1);
  if (subtotal >= 50000) return Math.round(subtotal * 0.05);
  return 0;
}

function couponDiscount(subtotal, code) {
  if (!code) return 0;
  const m = /^SAVE(\d{1,2})$/.exec(code);
  return m ? Math.round((subtotal * Number(m[1])) / 100) : 0;
}

function priceCart(cart) {
  const subtotal = cart.lines.reduce((sum, l) => sum + lineTotal(l), 0);
  const discount = Math.max(tierDiscount(subtotal), couponDiscount(subtotal, cart.coupon));
  const taxable = subtotal - discount;
  const tax = Math.round(taxable * (TAX_RATE[cart.country] ?? 0));
  return { subtotal, discount, tax, total: taxable + tax };
}

module.exports = { priceCart, tierDiscount, couponDiscount };

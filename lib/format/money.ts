// One money format everywhere: the same figure reads the same on every page and export.
const usd = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  maximumFractionDigits: 0,
});
const usdCents = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});
const compact = new Intl.NumberFormat("en-US", {
  style: "currency",
  currency: "USD",
  notation: "compact",
  maximumFractionDigits: 1,
});

/** "$12,345" from a decimal string or number. */
export function formatMoney(amount: string | number, opts: { cents?: boolean } = {}): string {
  const n = typeof amount === "number" ? amount : Number(amount);
  return (opts.cents ? usdCents : usd).format(n);
}

/** "$12.3K" for chart axes. */
/** Exact to the cent, as chargeback shows amounts ("$1,234.50"). */
export const formatMoneyCents = (amount: string): string => formatMoney(amount, { cents: true });

export function formatMoneyCompact(amount: number): string {
  return compact.format(amount);
}

const monthFmt = new Intl.DateTimeFormat("en-US", {
  month: "short",
  year: "numeric",
  timeZone: "UTC",
});

/** "Mar 2026" from "2026-03-01". */
export function formatMonth(month: string): string {
  return monthFmt.format(new Date(`${month.slice(0, 10)}T00:00:00Z`));
}

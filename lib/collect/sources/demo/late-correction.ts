// The demo's late correction: after a month's chargeback period is closed, AWS adds a credit to it
// (as Cost Explorer does weeks later). Today's snapshot is taken again with the credit on the
// biggest production compute line of that month, booked in every fact it belongs to (monthly,
// daily, charge type, region, tags), and declares the last three final months refetched.
import Decimal from "decimal.js";
import type { TSnapshotInput } from "@/lib/domain/snapshot";
import { addMonths, monthOf } from "@/lib/domain/months";
import { SERVICES } from "./catalog";

/** The closed month the demo corrects: two months before the current one. */
export function lateCorrectionMonth(now: Date): string {
  return addMonths(monthOf(now), -2);
}

type Amounts = { unblended: string; amortized: string; net: string };

function credit<T extends Amounts>(row: T, amount: Decimal): T {
  return {
    ...row,
    unblended: new Decimal(row.unblended).plus(amount).toFixed(),
    amortized: new Decimal(row.amortized).plus(amount).toFixed(),
    net: new Decimal(row.net).plus(amount).toFixed(),
  };
}

/** Books the credit in place; returns the account and amount credited (null: nothing to credit). */
export function applyLateCorrection(
  snap: TSnapshotInput,
  now: Date,
): { accountId: string; service: string; amount: string } | null {
  const month = lateCorrectionMonth(now);
  const costs = snap.costs;
  const prod = new Set(snap.accounts.filter((a) => a.name.endsWith("-prod")).map((a) => a.id));
  const biggest = costs.monthly
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => r.month === month && prod.has(r.accountId) && r.service === SERVICES.ec2)
    .sort((a, b) => Number(b.r.unblended) - Number(a.r.unblended) || a.i - b.i)[0];
  if (!biggest) return null;
  const { accountId, service } = biggest.r;
  // 3 % of the line, to the cent: a service credit.
  const amount = new Decimal(biggest.r.unblended).mul(-0.03).toDecimalPlaces(2);
  costs.monthly[biggest.i] = credit(biggest.r, amount);

  const daily = costs.daily ?? [];
  const lastDay = daily
    .map((r, i) => ({ r, i }))
    .filter(
      ({ r }) =>
        r.accountId === accountId && r.service === service && r.day.startsWith(month.slice(0, 8)),
    )
    .sort((a, b) => b.r.day.localeCompare(a.r.day))[0];
  if (lastDay) daily[lastDay.i] = credit(lastDay.r, amount);

  const sameMonth = (r: { accountId: string; month: string }) =>
    r.accountId === accountId && r.month === month;
  const dims = costs.byDimension ?? [];
  const region = dims
    .map((r, i) => ({ r, i }))
    .filter(({ r }) => sameMonth(r) && r.dimension === "REGION")
    .sort((a, b) => Number(b.r.unblended) - Number(a.r.unblended))[0];
  if (region) dims[region.i] = credit(region.r, amount);
  const creditType = dims.findIndex(
    (r) => sameMonth(r) && r.dimension === "RECORD_TYPE" && r.value === "Credit",
  );
  const zero = { unblended: "0", amortized: "0", net: "0", estimated: false };
  if (creditType >= 0)
    dims[creditType] = credit(
      dims[creditType] ?? { ...zero, accountId, month, dimension: "RECORD_TYPE", value: "Credit" },
      amount,
    );
  else
    dims.push(
      credit({ ...zero, accountId, month, dimension: "RECORD_TYPE", value: "Credit" }, amount),
    );
  const charges = costs.charges ?? [];
  const charge = charges.findIndex(
    (r) => sameMonth(r) && r.service === service && r.recordType === "Credit",
  );
  if (charge >= 0)
    charges[charge] = credit(
      charges[charge] ?? { ...zero, accountId, month, service, recordType: "Credit" },
      amount,
    );
  else charges.push(credit({ ...zero, accountId, month, service, recordType: "Credit" }, amount));

  const byTag = costs.byTag ?? [];
  const keys = new Set(byTag.filter(sameMonth).map((r) => r.tagKey));
  for (const key of keys) {
    const top = byTag
      .map((r, i) => ({ r, i }))
      .filter(({ r }) => sameMonth(r) && r.tagKey === key)
      .sort((a, b) => Number(b.r.unblended) - Number(a.r.unblended))[0];
    if (top) byTag[top.i] = credit(top.r, amount);
  }
  costs.daily = daily;
  costs.byDimension = dims;
  costs.charges = charges;
  costs.byTag = byTag;
  costs.refetch = { full: false, months: [1, 2, 3].map((n) => addMonths(monthOf(now), -n)).sort() };
  return { accountId, service, amount: amount.toFixed() };
}

// Chargeback rows grouped by cost center (alphabetical, `unallocated` last), accounts by total.
import { formatCents } from "@/lib/domain/allocation/largest-remainder";
import { UNALLOCATED } from "@/lib/domain/allocation/settings";
import { groupBy } from "@/lib/domain/collections";
import {
  CHARGE_GROUPS,
  noComponents,
  type ChargeComponents,
} from "@/lib/domain/allocation/charge-policy";
import type { ChargebackRow } from "./build-month-chargeback";

/** Components summed over rows; null when any row has none (issued before the split). */
export function sumComponents(rows: readonly ChargebackRow[]): ChargeComponents | null {
  const sum = noComponents();
  for (const r of rows) {
    if (!r.components) return null;
    for (const g of CHARGE_GROUPS) sum[g] += r.components[g];
  }
  return sum;
}

export function formatComponents(c: ChargeComponents | null) {
  return c
    ? {
        usage: formatCents(c.usage),
        credits: formatCents(c.credits),
        commitments: formatCents(c.commitments),
        tax: formatCents(c.tax),
        support: formatCents(c.support),
      }
    : null;
}

export function summarizeRows(rows: readonly ChargebackRow[]) {
  const groups = [...groupBy(rows, (r) => r.costCenter)].sort(
    ([a], [b]) => Number(a === UNALLOCATED) - Number(b === UNALLOCATED) || a.localeCompare(b),
  );
  return groups.map(([costCenter, rs]) => {
    const direct = rs.reduce((s, r) => s + r.directCents, 0n);
    const shared = rs.reduce((s, r) => s + r.sharedCents, 0n);
    const accounts = [...rs]
      .sort((a, b) => {
        const d = b.directCents + b.sharedCents - (a.directCents + a.sharedCents);
        return d > 0n ? 1 : d < 0n ? -1 : a.accountId.localeCompare(b.accountId);
      })
      .map((r) => ({
        accountId: r.accountId,
        accountName: r.accountName,
        ouPath: r.ouPath,
        direct: formatCents(r.directCents),
        shared: formatCents(r.sharedCents),
        total: formatCents(r.directCents + r.sharedCents),
        basis: r.basis,
        components: formatComponents(r.components),
      }));
    return {
      costCenter,
      direct: formatCents(direct),
      shared: formatCents(shared),
      total: formatCents(direct + shared),
      components: formatComponents(sumComponents(rs)),
      accounts,
    };
  });
}

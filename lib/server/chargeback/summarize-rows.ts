// Chargeback rows grouped by cost center (alphabetical, `unallocated` last), accounts by total.
import { formatCents } from "@/lib/domain/allocation/largest-remainder";
import { UNALLOCATED } from "@/lib/domain/allocation/settings";
import { groupBy } from "@/lib/domain/collections";
import type { ChargebackRow } from "./build-month-chargeback";

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
      }));
    return {
      costCenter,
      direct: formatCents(direct),
      shared: formatCents(shared),
      total: formatCents(direct + shared),
      accounts,
    };
  });
}

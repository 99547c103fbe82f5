// Search, filter and order of the accounts list. Pure, so the page (thousands of rows in memory) and
// its CSV download select exactly the same accounts in the same order.
import type { TAccountInventoryQuery, TAccountInventoryRow } from "@/lib/api/accounts";

/** Open findings weighted by severity: one critical outranks any number of lower ones in practice. */
export function findingWeight(f: TAccountInventoryRow["findings"]): number {
  return f.critical * 1e9 + f.high * 1e6 + f.medium * 1e3 + f.low + f.info * 1e-3;
}

const text = (v: string | null) => (v ?? "").toLowerCase();
// Accounts nobody audited successfully come first when sorting by audit status ascending.
const AUDIT_ORDER = { failed: 0, never: 1, skipped: 2, audited: 3 } as const;

function key(
  row: TAccountInventoryRow,
  sort: TAccountInventoryQuery["sort"],
): string | number | null {
  switch (sort) {
    case "name":
      return text(row.name);
    case "ouPath":
      return text(row.ouPath);
    case "environment":
      return row.environment ? text(row.environment) : null;
    case "owner":
      return row.owner ? text(row.owner) : null;
    case "costCenter":
      return row.costCenter ? text(row.costCenter) : null;
    case "spend":
      return Number(row.spend);
    case "change":
      return row.changePct;
    case "findings":
      return findingWeight(row.findings);
    case "audit":
      return AUDIT_ORDER[row.audit];
  }
}

function compare(a: string | number | null, b: string | number | null): number {
  if (a === b) return 0;
  if (typeof a === "number" && typeof b === "number") return a - b;
  return String(a).localeCompare(String(b));
}

export function selectInventory(
  rows: readonly TAccountInventoryRow[],
  q: TAccountInventoryQuery,
): TAccountInventoryRow[] {
  const needle = q.search.trim().toLowerCase();
  const env = q.environment.toLowerCase();
  const picked = rows.filter(
    (r) =>
      (!needle ||
        [r.name, r.id, r.email, r.ouPath, r.owner, r.costCenter].some((v) =>
          text(v).includes(needle),
        )) &&
      (!env || (env === "(none)" ? r.environment === null : text(r.environment) === env)) &&
      (!q.audit || r.audit === q.audit),
  );
  const sign = q.dir === "asc" ? 1 : -1;
  return picked.toSorted((a, b) => {
    const ka = key(a, q.sort);
    const kb = key(b, q.sort);
    // Rows without a value (no environment, no change) go last in either direction.
    if (ka === null || kb === null)
      return ka === kb ? compare(text(a.name), text(b.name)) : ka === null ? 1 : -1;
    return sign * compare(ka, kb) || compare(text(a.name), text(b.name)) || compare(a.id, b.id);
  });
}

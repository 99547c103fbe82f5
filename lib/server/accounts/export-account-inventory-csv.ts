// The accounts list as the page shows it (same search, filters and order), as CSV rows.
import "server-only";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import type { TAccountInventoryQuery } from "@/lib/api/accounts";
import { selectInventory } from "@/lib/domain/accounts/select-inventory";
import type { CsvCell } from "@/lib/export/csv";
import { listAccountInventory } from "./list-account-inventory";

export async function* exportAccountInventoryCsv(
  db: Db,
  scope: Scope,
  query: TAccountInventoryQuery,
  now = new Date(),
): AsyncGenerator<readonly CsvCell[]> {
  const inventory = await listAccountInventory(db, scope, now);
  yield [
    "account_id",
    "name",
    "email",
    "status",
    "ou_path",
    "environment",
    "owner",
    "cost_center",
    `spend_${inventory.month.slice(0, 7)}`,
    `spend_${inventory.previousMonth.slice(0, 7)}`,
    "change_pct",
    "open_critical",
    "open_high",
    "open_medium",
    "open_low",
    "open_info",
    "audit_status",
    "audited_at",
  ];
  for (const r of selectInventory(inventory.accounts, query)) {
    yield [
      r.id,
      r.name,
      r.email,
      r.status,
      r.ouPath,
      r.environment,
      r.owner,
      r.costCenter,
      r.spend,
      r.previousSpend,
      r.changePct,
      r.findings.critical,
      r.findings.high,
      r.findings.medium,
      r.findings.low,
      r.findings.info,
      r.audit,
      r.auditedAt,
    ];
  }
}

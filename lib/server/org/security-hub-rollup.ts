// Security Hub status of every account in scope, and its sums per OU (each account counts for every
// OU on its path). Shared by the OU tree and the overview, so both show the same figures.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import type { TAccountSecurityHub, TSecurityHubRollup } from "@/lib/api/security-hub";
import { sqlAccountScope } from "@/lib/server/scope";
import { Prisma } from "@/lib/generated/prisma/client";

const ZRow = z.object({
  account_id: z.string(),
  path_ids: z.array(z.string()),
  enabled: z.boolean(),
  critical: z.number(),
  high: z.number(),
  medium: z.number(),
  low: z.number(),
  standards: z.array(z.string()),
  standards_read: z.boolean(),
});

export interface TSecurityHubView {
  byAccount: Map<string, TAccountSecurityHub>;
  byOu: Map<string, TSecurityHubRollup>;
  total: TSecurityHubRollup;
}

const empty = (): TSecurityHubRollup & { counts: Map<string, number> } => ({
  accounts: 0,
  enabledAccounts: 0,
  critical: 0,
  high: 0,
  medium: 0,
  standards: [],
  counts: new Map(),
});

export async function getSecurityHubView(db: Db, scope: Scope): Promise<TSecurityHubView> {
  const rows = z.array(ZRow).parse(
    await db.$queryRaw`
      SELECT h.account_id, o.path_ids, h.enabled, h.critical, h.high, h.medium, h.low, h.standards, h.standards_read
      FROM security_hub_status h JOIN account a ON a.id = h.account_id JOIN org_unit o ON o.id = a.ou_id
      WHERE a.removed_at IS NULL ${sqlAccountScope(Prisma.sql`a.id`, scope)}`,
  );
  const byAccount = new Map<string, TAccountSecurityHub>();
  const sums = new Map<string, ReturnType<typeof empty>>();
  const total = empty();
  for (const r of rows) {
    const hub = {
      enabled: r.enabled,
      critical: r.critical,
      high: r.high,
      medium: r.medium,
      low: r.low,
      standards: r.standards_read ? r.standards : null,
    };
    byAccount.set(r.account_id, hub);
    const ous = r.path_ids.map((id) => {
      const sum = sums.get(id) ?? empty();
      sums.set(id, sum);
      return sum;
    });
    for (const target of [total, ...ous]) {
      target.accounts += 1;
      if (hub.enabled) target.enabledAccounts += 1;
      target.critical += hub.critical;
      target.high += hub.high;
      target.medium += hub.medium;
      for (const arn of hub.standards ?? [])
        target.counts.set(arn, (target.counts.get(arn) ?? 0) + 1);
    }
  }
  const finish = ({ counts, ...s }: ReturnType<typeof empty>): TSecurityHubRollup => ({
    ...s,
    standards: [...counts]
      .map(([arn, accounts]) => ({ arn, accounts }))
      .toSorted((a, b) => b.accounts - a.accounts || a.arn.localeCompare(b.arn)),
  });
  return {
    byAccount,
    byOu: new Map([...sums].map(([id, s]) => [id, finish(s)])),
    total: finish(total),
  };
}

// Overdue findings (open, not muted, past due) per OU the caller may see: the OU the finding's account
// sits in (or the OU of an OU-level finding); organization-wide ones under "Organization".
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { findingsWhere, OVERDUE } from "./findings-where";

const ZRow = z.object({
  ou_id: z.string().nullable(),
  ou_path: z.string().nullable(),
  overdue: z.number().int(),
});

export interface OverdueByOu {
  ouId: string | null;
  ouPath: string;
  overdue: number;
}

export async function countOverdueByOu(db: Db, scope: Scope): Promise<OverdueByOu[]> {
  const raw = await db.$queryRaw`
    SELECT coalesce(f.ou_id, a.ou_id) AS ou_id, o.path AS ou_path, count(*)::int AS overdue
    FROM finding f
    LEFT JOIN account a ON a.id = f.account_id
    LEFT JOIN org_unit o ON o.id = coalesce(f.ou_id, a.ou_id)
    WHERE ${findingsWhere({ status: "all" }, scope)} AND ${OVERDUE}
    GROUP BY 1, 2
    ORDER BY overdue DESC, ou_path NULLS FIRST`;
  return z
    .array(ZRow)
    .parse(raw)
    .map((r) => ({
      ouId: r.ou_id,
      ouPath: r.ou_path ?? (r.ou_id ? r.ou_id : "Organization"),
      overdue: r.overdue,
    }));
}

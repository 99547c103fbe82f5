// Tag keys with collected spend, for the "group by tag" choice. A scoped caller sees only keys that
// carry spend of accounts in their scope.
import "server-only";
import { z } from "zod";
import type { TTagKeys } from "@/lib/api/costs";
import type { Scope } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import { sqlAccountScope } from "@/lib/server/scope";

const ZRows = z.array(z.object({ tag_key: z.string() }));

export async function listTagKeys(db: Db, scope: Scope): Promise<TTagKeys> {
  // A loose index scan on (tag_key, month): one probe per distinct key instead of reading every row.
  const rows = await db.$queryRaw`
    WITH RECURSIVE k AS (
      (SELECT tag_key FROM cost_by_tag ORDER BY tag_key LIMIT 1)
      UNION ALL
      SELECT (SELECT c.tag_key FROM cost_by_tag c WHERE c.tag_key > k.tag_key ORDER BY c.tag_key LIMIT 1) FROM k WHERE k.tag_key IS NOT NULL
    )
    SELECT k.tag_key FROM k
    WHERE k.tag_key IS NOT NULL
      AND EXISTS (SELECT 1 FROM cost_by_tag c WHERE c.tag_key = k.tag_key ${sqlAccountScope(Prisma.raw("c.account_id"), scope)})
    ORDER BY k.tag_key`;
  return { tagKeys: ZRows.parse(rows).map((r) => r.tag_key) };
}

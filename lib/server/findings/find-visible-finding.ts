// The status of a finding the caller may see, or "not found" (malformed id and out of scope alike).
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import type { Scope } from "@/lib/domain/access";
import { notFound } from "@/lib/errors";
import { findingsWhere } from "./findings-where";

const ZRow = z.object({
  id: z.string(),
  status: z.string(),
  muted: z.boolean(),
  mute_reason: z.string().nullable(),
});

export async function findVisibleFinding(
  db: Db,
  scope: Scope,
  id: string,
): Promise<z.infer<typeof ZRow>> {
  if (!z.uuid().safeParse(id).success) throw notFound("No such finding.");
  const rows = await db.$queryRaw`
    SELECT f.id::text AS id, f.status, coalesce(f.muted_until > now(), false) AS muted, f.mute_reason
    FROM finding f WHERE ${findingsWhere({ status: "all" }, scope)} AND f.id = ${id}::uuid`;
  const [row] = z.array(ZRow).parse(rows);
  if (!row) throw notFound("No such finding.");
  return row;
}

// One page of findings under the filters, with the counts the page header shows.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Principal } from "@/lib/domain/access";
import {
  FINDING_STATUSES,
  ZFindingsList,
  type TFindingsList,
  type TFindingsQuery,
} from "@/lib/api/findings";
import { SEVERITIES } from "@/lib/domain/checks/types";
import { findingCursor } from "./finding-cursor";
import { findingsWhere, statusCondition } from "./findings-where";
import { ownerIdentities } from "./owner-identities";
import { queryFindingRows } from "./query-finding-rows";

const ZCount = z.number().int();

export async function listFindings(
  db: Db,
  principal: Principal,
  q: TFindingsQuery,
): Promise<TFindingsList> {
  const { scope } = principal;
  const owners = ownerIdentities(principal);
  const after = q.cursor ? findingCursor.decode(q.cursor) : null;
  const open = statusCondition("open");
  const severity = q.severity ? Prisma.sql`f.severity = ${q.severity}` : Prisma.sql`TRUE`;
  // Severity cards count open findings whatever the severity filter; status tabs respect it.
  const bySeverity = SEVERITIES.map(
    (s) =>
      Prisma.sql`count(*) FILTER (WHERE ${open} AND f.severity = ${s})::int AS ${Prisma.raw(`"sev_${s}"`)}`,
  );
  const byStatus = FINDING_STATUSES.map(
    (s) =>
      Prisma.sql`count(*) FILTER (WHERE ${statusCondition(s)} AND ${severity})::int AS ${Prisma.raw(`"st_${s}"`)}`,
  );

  const [page, counts] = await Promise.all([
    queryFindingRows(db, findingsWhere(q, scope, { owners }), after, q.limit + 1),
    db.$queryRaw`SELECT ${Prisma.join([...bySeverity, ...byStatus], ", ")} FROM finding f WHERE ${findingsWhere(q, scope, { omit: ["severity", "status"], owners })}`,
  ]);
  const c = z.array(z.record(z.string(), ZCount)).parse(counts)[0] ?? {};
  const n = (key: string) => c[key] ?? 0;
  const items = page.slice(0, q.limit);
  const lastShown = items.at(-1);
  return ZFindingsList.parse({
    items: items.map((i) => i.row),
    nextCursor: page.length > q.limit && lastShown ? findingCursor.encode(lastShown.cursor) : null,
    total: n(`st_${q.status}`),
    openBySeverity: Object.fromEntries(SEVERITIES.map((s) => [s, n(`sev_${s}`)])),
    byStatus: Object.fromEntries(FINDING_STATUSES.map((s) => [s, n(`st_${s}`)])),
  });
}

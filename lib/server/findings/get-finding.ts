// One finding with its evidence, the check's remediation and its history; out of scope is not found.
import "server-only";
import { z } from "zod";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db } from "@/lib/db/client";
import type { Principal } from "@/lib/domain/access";
import { can } from "@/lib/auth/roles";
import { ZFindingDetail, type TFindingDetail } from "@/lib/api/findings";
import { checkDefinition } from "@/lib/domain/checks";
import { notFound } from "@/lib/errors";
import { findingsWhere } from "./findings-where";
import { queryFindingRows } from "./query-finding-rows";

export async function getFinding(
  db: Db,
  principal: Principal,
  id: string,
): Promise<TFindingDetail> {
  if (!z.uuid().safeParse(id).success) throw notFound("No such finding.");
  const where = Prisma.sql`${findingsWhere({ status: "all" }, principal.scope)} AND f.id = ${id}::uuid`;
  const [found] = await queryFindingRows(db, where, null, 1);
  if (!found) throw notFound("No such finding.");
  const { row } = found;

  const [extra, ou, events] = await Promise.all([
    db.finding.findUniqueOrThrow({
      where: { id },
      select: { evidence: true, reopenedCount: true },
    }),
    row.ouId ? db.orgUnit.findUnique({ where: { id: row.ouId }, select: { path: true } }) : null,
    db.findingEvent.findMany({
      where: { findingId: id },
      orderBy: [{ at: "desc" }, { id: "desc" }],
      take: 200,
    }),
  ]);
  return ZFindingDetail.parse({
    ...row,
    evidence: extra.evidence ?? {},
    reopenedCount: extra.reopenedCount,
    ouPath: ou?.path ?? null,
    remediation: checkDefinition(row.checkId)?.remediation ?? null,
    canMute:
      can(principal.role, "findings:mute") && principal.kind === "user" && row.status === "open",
    events: events.map((e) => ({
      id: e.id.toString(),
      kind: e.kind,
      at: e.at.toISOString(),
      actor: e.actor,
      detail: e.detail ?? {},
    })),
  });
}

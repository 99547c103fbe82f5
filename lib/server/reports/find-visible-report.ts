import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { notFound } from "@/lib/errors";
import { reportVisibleTo } from "./report-scope";

/** The report with its channel, or 404 when it does not exist or lies outside the caller's scope. */
export async function findVisibleReport(db: Db, principal: Principal, id: string) {
  const report = await db.reportSchedule.findUnique({ where: { id }, include: { channel: true } });
  if (!report || !(await reportVisibleTo(db, principal, report))) throw notFound("No such report.");
  return report;
}

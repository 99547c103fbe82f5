import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { ZReportList, type TReportList } from "@/lib/api/report-schedules";
import { isOrgAdmin } from "@/lib/server/authorize";
import { ouScope } from "@/lib/server/scope";
import { toReportView } from "./to-report-view";

/**
 * The reports the caller may manage: all for an admin over the whole organization; for a scoped
 * admin those whose OUs all lie inside their scope. Channels by name only (their config is org-wide).
 */
export async function listReportSchedules(db: Db, principal: Principal): Promise<TReportList> {
  const [reports, channels, ous] = await Promise.all([
    db.reportSchedule.findMany({ include: { channel: true }, orderBy: { name: "asc" } }),
    db.alertChannel.findMany({
      select: { id: true, name: true, type: true, enabled: true },
      orderBy: { name: "asc" },
    }),
    db.orgUnit.findMany({
      where: { ...ouScope(principal.scope), removedAt: null },
      select: { id: true, path: true },
      orderBy: { path: "asc" },
    }),
  ]);
  const ouPath = new Map(ous.map((o) => [o.id, o.path]));
  const orgWide = isOrgAdmin(principal);
  const visible = reports.filter((r) =>
    orgWide ? true : r.ouIds.length > 0 && r.ouIds.every((id) => ouPath.has(id)),
  );
  return ZReportList.parse({
    reports: visible.map((r) => toReportView(r, ouPath)),
    channels,
    ous,
    canScopeOrganization: orgWide,
  });
}

import "server-only";
import type { Principal } from "@/lib/domain/access";
import type { Db } from "@/lib/db/client";
import { ZReportPreview, type TReportPreview } from "@/lib/api/report-schedules";
import { renderDigestEmail } from "@/lib/reports/digest-email";
import { periodOf } from "./deliver-report";
import { findVisibleReport } from "./find-visible-report";
import { loadDigest } from "./load-digest";
import { reportScope } from "./report-scope";

/** The email of the report's latest period, exactly as sent except its images (data: URIs here). */
export async function previewReport(
  db: Db,
  principal: Principal,
  id: string,
  now = new Date(),
): Promise<TReportPreview> {
  const report = await findVisibleReport(db, principal, id);
  const period = periodOf(report, now);
  const digest = await loadDigest(
    db,
    { reportName: report.name, scope: reportScope(report), period },
    now,
  );
  const email = renderDigestEmail(
    digest,
    (_cid, png) => `data:image/png;base64,${png.toString("base64")}`,
  );
  return ZReportPreview.parse({
    subject: email.subject,
    period: { key: period.key, label: period.label, start: period.start, end: period.end },
    html: email.html,
  });
}

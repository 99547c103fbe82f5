import type { Metadata } from "next";
import { ReportSchedulesPanel } from "@/components/report-schedules/report-schedules-panel";
import { requirePage } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Reports" };

export default async function ReportsSettingsPage() {
  await requirePage("reports:manage");
  return <ReportSchedulesPanel />;
}

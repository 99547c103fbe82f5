import type { Metadata } from "next";
import { AlertsPanel } from "@/components/alerts/alerts-panel";
import { getAlertOptions } from "@/lib/server/alerts/get-alert-options";
import { requirePageContext } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Alerts" };

export default async function AlertsPage() {
  const { db, principal } = await requirePageContext("settings:write");
  return <AlertsPanel options={await getAlertOptions(db, principal.scope)} />;
}

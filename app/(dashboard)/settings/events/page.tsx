import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { IngestTokensPanel } from "@/components/settings/ingest-tokens-panel";
import { requirePage } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Event ingestion" };

export default async function EventIngestionPage() {
  const principal = await requirePage("settings:write");
  // Events change findings across the whole organization: unscoped admins only (the API says the same).
  if (principal.scope.ouIds) forbidden();
  return <IngestTokensPanel />;
}

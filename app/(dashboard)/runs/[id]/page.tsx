import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { RunDetail } from "@/components/runs/run-detail";
import { ZUuidParams } from "@/lib/api/params";
import { requirePage } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Collection run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("data:read");
  const parsed = ZUuidParams.safeParse(await params);
  if (!parsed.success) notFound();
  return <RunDetail runId={parsed.data.id} />;
}

import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { z } from "zod";
import { RunDetail } from "@/components/runs/run-detail";
import { requirePage } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Collection run" };

export default async function RunPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("data:read");
  const id = z.uuid().safeParse((await params).id);
  if (!id.success) notFound();
  return <RunDetail runId={id.data} />;
}

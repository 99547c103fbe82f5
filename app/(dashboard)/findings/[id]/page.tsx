import type { Metadata } from "next";
import { FindingDetail } from "@/components/findings/finding-detail";
import { requirePage } from "@/lib/server/http/page";

export const metadata: Metadata = { title: "Finding" };

export default async function FindingPage({ params }: { params: Promise<{ id: string }> }) {
  await requirePage("data:read");
  const { id } = await params;
  return <FindingDetail id={id} />;
}

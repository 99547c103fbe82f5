import type { TGranularity } from "@/lib/api/costs";
import { formatMonth } from "@/lib/format/money";

const dayFmt = new Intl.DateTimeFormat("en-US", {
  month: "short",
  day: "numeric",
  timeZone: "UTC",
});

/** "Nov 2025" for a month, "Nov 3" for a day. */
export function periodLabel(key: string, granularity: TGranularity): string {
  return granularity === "monthly" ? formatMonth(key) : dayFmt.format(new Date(`${key}T00:00:00Z`));
}

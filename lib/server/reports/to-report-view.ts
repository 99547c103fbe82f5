import "server-only";
import type { TReportView } from "@/lib/api/report-schedules";
import { cadenceOf } from "./deliver-report";

export function toReportView(
  r: {
    id: string;
    name: string;
    cadence: string;
    weekday: number | null;
    channelId: string;
    recipients: string[];
    ouIds: string[];
    enabled: boolean;
    lastSentPeriod: string | null;
    lastSentAt: Date | null;
    createdBy: string;
    channel: { name: string; type: string };
  },
  ouPath: ReadonlyMap<string, string>,
): TReportView {
  return {
    id: r.id,
    name: r.name,
    cadence: cadenceOf(r.cadence),
    weekday: r.weekday,
    channelId: r.channelId,
    channelName: r.channel.name,
    channelType: r.channel.type,
    recipients: r.recipients,
    ouIds: r.ouIds,
    scopeLabel: r.ouIds.length
      ? r.ouIds.map((id) => ouPath.get(id) ?? id).join(", ")
      : "Whole organization",
    enabled: r.enabled,
    lastSentPeriod: r.lastSentPeriod,
    lastSentAt: r.lastSentAt?.toISOString() ?? null,
    createdBy: r.createdBy,
  };
}

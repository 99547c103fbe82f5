import type { TFindingDetail } from "@/lib/api/findings";
import { formatDateTime } from "./badges";

const KIND_LABEL: Record<string, string> = {
  opened: "Opened",
  reopened: "Reopened",
  resolved: "Resolved",
  muted: "Muted",
  unmuted: "Unmuted",
  excepted: "Excepted",
  unexcepted: "No longer excepted",
  assigned: "Assigned",
  unassigned: "Unassigned",
  updated: "Updated",
};

function describe(e: TFindingDetail["events"][number]): string | null {
  const d = e.detail;
  if (typeof d !== "object" || d === null || Array.isArray(d)) return null;
  const text = (k: string) => (typeof d[k] === "string" ? d[k] : null);
  if (e.kind === "muted")
    return `until ${text("until")?.slice(0, 10) ?? "?"}: “${text("reason") ?? ""}”`;
  if (e.kind === "unmuted")
    return text("reason") === "expired" ? "the mute expired" : "mute lifted";
  if (e.kind === "excepted" || e.kind === "unexcepted")
    return `rule “${text("ruleName") ?? text("ruleId") ?? "?"}”`;
  if (e.kind === "assigned")
    return `to ${text("owner") ?? "?"}, due ${text("dueAt")?.slice(0, 10) ?? "?"}`;
  if (e.kind === "unassigned") return text("previousOwner") ? `was ${text("previousOwner")}` : null;
  const severity = text("severity") ? `severity ${text("severity")}` : null;
  // Event-driven changes name the CloudTrail event; the next collection confirms or corrects them.
  if (text("source") === "event")
    return [`from CloudTrail event ${text("eventName") ?? ""} ${text("eventId") ?? ""}`, severity]
      .filter(Boolean)
      .join(", ");
  if (e.kind === "opened" || e.kind === "reopened") return severity;
  return null;
}

export function FindingHistory({ events }: { events: TFindingDetail["events"] }) {
  if (events.length === 0)
    return <p className="text-sm text-slate-500 dark:text-slate-400">No history yet.</p>;
  return (
    <ol className="space-y-2 text-sm" data-testid="finding-history">
      {events.map((e) => (
        <li
          key={e.id}
          className="flex flex-wrap gap-x-2 border-l-2 border-slate-200 pl-3 dark:border-slate-700"
        >
          <span className="font-medium">{KIND_LABEL[e.kind] ?? e.kind}</span>
          <span className="tabular text-slate-600 dark:text-slate-400">{formatDateTime(e.at)}</span>
          <span className="text-slate-600 dark:text-slate-400">
            {e.actor ? `by ${e.actor}` : "by a collection run"}
          </span>
          {describe(e) ? (
            <span className="w-full text-slate-700 dark:text-slate-300">{describe(e)}</span>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

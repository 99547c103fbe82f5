// When a finding is due: the severity's number of days (settings.findingDueDays) counted from the
// day it first opened, unless the person assigning it names a date. Overdue = open, not muted, past due.
import type { TSeverity } from "@/lib/domain/checks/types";
import type { TSettings } from "@/lib/domain/settings";

const DAY_MS = 86_400_000;

export function defaultDueAt(
  severity: TSeverity,
  firstSeenAt: Date,
  dueDays: TSettings["findingDueDays"],
): Date {
  return new Date(firstSeenAt.getTime() + dueDays[severity] * DAY_MS);
}

/** The explicit date wins; without an owner there is no due date at all. */
export function resolveDueAt(input: {
  owner: string | null;
  explicit: Date | null | undefined;
  severity: TSeverity;
  firstSeenAt: Date;
  dueDays: TSettings["findingDueDays"];
}): Date | null {
  if (input.owner === null) return null;
  return input.explicit ?? defaultDueAt(input.severity, input.firstSeenAt, input.dueDays);
}

export function isOverdue(
  f: { status: string; mutedUntil: Date | null; dueAt: Date | null },
  now: Date,
): boolean {
  if (f.status !== "open" || !f.dueAt) return false;
  if (f.mutedUntil && f.mutedUntil > now) return false;
  return f.dueAt < now;
}

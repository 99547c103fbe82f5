// De-duplication across runs: a detection updates the stored anomaly it continues (same account,
// service and kind, days overlapping or adjoining), or the spike it turned out to be the start of a
// level shift; otherwise it is new.
import { dayToEpoch } from "./day-math";
import type { AnomalyKind } from "./types";

export interface StoredAnomalyKey {
  id: string;
  accountId: string;
  service: string;
  kind: string;
  firstDay: string;
  lastDay: string;
}

export function findExistingAnomaly<T extends StoredAnomalyKey>(
  d: { accountId: string; service: string; kind: AnomalyKind; firstDay: string; lastDay: string },
  stored: readonly T[],
): T | undefined {
  const first = dayToEpoch(d.firstDay);
  const last = dayToEpoch(d.lastDay);
  return stored.find((s) => {
    if (s.accountId !== d.accountId || s.service !== d.service) return false;
    if (s.kind === "spike" && d.kind === "level_shift") return s.firstDay === d.firstDay;
    return (
      s.kind === d.kind && first <= dayToEpoch(s.lastDay) + 1 && last >= dayToEpoch(s.firstDay)
    );
  });
}

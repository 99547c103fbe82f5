// Cost anomalies planted in the demo's daily spend so the Anomalies page has something of each kind
// to show: a few account × service lines get a one-day spike, a step up, or a slow climb over the
// days of the daily window. New services appear on their own (services adopted this month).
import type { Calendar } from "./calendar";

export type PlantedKind = "spike" | "level_shift" | "drift";

/** FNV-1a: which lines get an anomaly depends only on the account and service. */
function hash(s: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  return h;
}

const KINDS: PlantedKind[] = ["spike", "level_shift", "drift"];
/** About one line in 150 of each kind: a handful per kind in the default demo. */
const EVERY = 150;

export function plantedKind(accountId: string, service: string): PlantedKind | null {
  const h = hash(`${accountId}/${service}`) % EVERY;
  return KINDS[h] ?? null;
}

/** Multiplier of one day's spend (1 = as generated), by the day's position in the daily window. */
export function plantedFactor(cal: Calendar, kind: PlantedKind | null, day: string): number {
  if (!kind) return 1;
  const n = cal.dayLabels.length;
  const i = cal.dayLabels.indexOf(day);
  if (i < 0 || n < 21) return 1;
  if (kind === "spike") return i === n - 6 ? 3 : 1;
  if (kind === "level_shift") return i >= n - 12 ? 1.6 : 1;
  // drift: +70 % over the last three weeks, a few percent a day
  const from = n - 21;
  return i >= from ? 1 + (0.7 * (i - from + 1)) / 21 : 1;
}

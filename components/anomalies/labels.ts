import type { TAnomaly } from "@/lib/api/anomalies";

export const KIND_LABEL: Record<TAnomaly["kind"], string> = {
  spike: "Spike",
  level_shift: "Level shift",
  new_service: "New service",
  drift: "Slow drift",
};

export const STATUS_LABEL: Record<TAnomaly["status"], string> = {
  open: "Open",
  expected: "Expected",
  resolved: "Resolved",
};

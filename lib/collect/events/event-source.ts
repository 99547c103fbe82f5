import type { TJson } from "@/lib/domain/json";

/**
 * Event-driven findings belong to no collection run: their first/last-seen run id is the nil UUID
 * until the next collection sees them (and writes its own run id), or resolves them.
 */
export const NO_RUN_ID = "00000000-0000-0000-0000-000000000000";

/** Where an event-driven change came from, recorded on every FindingEvent it writes. */
export interface TEventOrigin {
  eventId: string;
  eventName: string;
  actor: string;
  at: Date;
}

export const originDetail = (o: TEventOrigin): { [key: string]: TJson } => ({
  source: "event",
  eventId: o.eventId,
  eventName: o.eventName,
  actor: o.actor,
});

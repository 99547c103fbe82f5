// Account request lifecycle: requested → approved | rejected; approved → provisioned → compliant.
// Every transition stamps its own timestamp, so the request's timeline and the provisioning KPI are
// read from the row itself.

export const REQUEST_STATUSES = [
  "requested",
  "approved",
  "rejected",
  "provisioned",
  "compliant",
] as const;
export type TRequestStatus = (typeof REQUEST_STATUSES)[number];

export interface RequestState {
  status: TRequestStatus;
  requestedAt: Date;
  decidedAt: Date | null;
  decidedBy: string | null;
  decisionNote: string | null;
  accountId: string | null;
  provisionedAt: Date | null;
  compliantAt: Date | null;
}

export type RequestEvent =
  | { kind: "approve"; by: string; note: string | null; at: Date }
  | { kind: "reject"; by: string; note: string | null; at: Date }
  | { kind: "provision"; accountId: string; at: Date }
  | { kind: "comply"; at: Date };

export class InvalidTransitionError extends Error {
  constructor(from: TRequestStatus, event: RequestEvent["kind"]) {
    super(`A ${from} request cannot be ${event === "comply" ? "marked compliant" : `${event}d`}.`);
    this.name = "InvalidTransitionError";
  }
}

const ALLOWED: Record<RequestEvent["kind"], TRequestStatus> = {
  approve: "requested",
  reject: "requested",
  provision: "approved",
  comply: "provisioned",
};

/** The changes an event makes to a request; throws when the event is not allowed in its status. */
export function transition(state: RequestState, event: RequestEvent): Partial<RequestState> {
  if (state.status !== ALLOWED[event.kind])
    throw new InvalidTransitionError(state.status, event.kind);
  switch (event.kind) {
    case "approve":
      return {
        status: "approved",
        decidedAt: event.at,
        decidedBy: event.by,
        decisionNote: event.note,
      };
    case "reject":
      if (!event.note?.trim()) throw new Error("A rejection needs a comment explaining why.");
      return {
        status: "rejected",
        decidedAt: event.at,
        decidedBy: event.by,
        decisionNote: event.note,
      };
    case "provision":
      return { status: "provisioned", accountId: event.accountId, provisionedAt: event.at };
    case "comply":
      return { status: "compliant", compliantAt: event.at };
  }
}

export interface TimelineEntry {
  status: TRequestStatus;
  at: Date;
  detail: string | null;
}

export function timeline(s: RequestState): TimelineEntry[] {
  const out: TimelineEntry[] = [{ status: "requested", at: s.requestedAt, detail: null }];
  if (s.decidedAt) {
    const decided = s.status === "rejected" ? "rejected" : "approved";
    out.push({
      status: decided,
      at: s.decidedAt,
      detail: [s.decidedBy, s.decisionNote].filter(Boolean).join(": ") || null,
    });
  }
  if (s.provisionedAt)
    out.push({ status: "provisioned", at: s.provisionedAt, detail: s.accountId });
  if (s.compliantAt) out.push({ status: "compliant", at: s.compliantAt, detail: null });
  return out;
}

/** Hours from request to compliant (the provisioning KPI), null until compliant. */
export function hoursToCompliant(s: RequestState): number | null {
  return s.compliantAt ? (s.compliantAt.getTime() - s.requestedAt.getTime()) / 3_600_000 : null;
}

import { describe, expect, it } from "vitest";
import {
  InvalidTransitionError,
  hoursToCompliant,
  timeline,
  transition,
  type RequestState,
} from "./state-machine";

const t = (h: number) => new Date(Date.UTC(2026, 2, 1, h));
const fresh: RequestState = {
  status: "requested",
  requestedAt: t(0),
  decidedAt: null,
  decidedBy: null,
  decisionNote: null,
  accountId: null,
  provisionedAt: null,
  compliantAt: null,
};
const apply = (s: RequestState, ...events: Parameters<typeof transition>[1][]) =>
  events.reduce<RequestState>((acc, e) => ({ ...acc, ...transition(acc, e) }), s);

describe("account request state machine", () => {
  it("walks requested → approved → provisioned → compliant with a timeline", () => {
    const s = apply(
      fresh,
      { kind: "approve", by: "admin@x", note: "ok", at: t(1) },
      { kind: "provision", accountId: "123456789012", at: t(3) },
      { kind: "comply", at: t(10) },
    );
    expect(s).toMatchObject({
      status: "compliant",
      decidedBy: "admin@x",
      accountId: "123456789012",
    });
    expect(timeline(s).map((e) => [e.status, e.at.getUTCHours(), e.detail])).toEqual([
      ["requested", 0, null],
      ["approved", 1, "admin@x: ok"],
      ["provisioned", 3, "123456789012"],
      ["compliant", 10, null],
    ]);
    expect(hoursToCompliant(s)).toBe(10);
  });

  it("rejects with a comment, and a rejected request goes no further", () => {
    const s = apply(fresh, { kind: "reject", by: "admin@x", note: "use the sandbox", at: t(1) });
    expect(s.status).toBe("rejected");
    expect(timeline(s).at(-1)).toMatchObject({
      status: "rejected",
      detail: "admin@x: use the sandbox",
    });
    expect(() => transition(s, { kind: "provision", accountId: "1", at: t(2) })).toThrow(
      InvalidTransitionError,
    );
    expect(() => transition(fresh, { kind: "reject", by: "a", note: " ", at: t(1) })).toThrow(
      /comment/,
    );
  });

  it.each([
    ["provision before approval", fresh, { kind: "provision", accountId: "1", at: t(1) }],
    ["comply before provisioning", fresh, { kind: "comply", at: t(1) }],
    [
      "approve twice",
      apply(fresh, { kind: "approve", by: "a", note: null, at: t(1) }),
      { kind: "approve", by: "a", note: null, at: t(2) },
    ],
  ] as const)("refuses to %s", (_n, s, e) => {
    expect(() => transition(s, e)).toThrow(InvalidTransitionError);
  });
});

import { describe, expect, it } from "vitest";
import { filtersToSearch, MAX_MUTE_DAYS, ZFindingFilters, ZMuteBody } from "./findings";

const DAY = 86_400_000;
const day = (offset: number) => new Date(Date.now() + offset * DAY).toISOString().slice(0, 10);

describe("ZMuteBody", () => {
  it("takes a reason and a date, ending at the end of that day (UTC)", () => {
    const m = ZMuteBody.parse({ reason: "  accepted risk ", until: day(30) });
    expect(m.reason).toBe("accepted risk");
    expect(m.until.toISOString()).toBe(`${day(30)}T23:59:59.999Z`);
  });

  it.each([
    ["no reason", { reason: " ", until: day(30) }],
    ["a past expiry", { reason: "accepted", until: day(-1) }],
    ["beyond the maximum", { reason: "accepted", until: day(MAX_MUTE_DAYS + 2) }],
    ["not a date", { reason: "accepted", until: "soon" }],
  ])("refuses %s", (_, body) => {
    expect(ZMuteBody.safeParse(body).success).toBe(false);
  });

  it("accepts the maximum itself", () => {
    expect(ZMuteBody.safeParse({ reason: "accepted", until: day(MAX_MUTE_DAYS) }).success).toBe(
      true,
    );
  });
});

describe("ZFindingFilters", () => {
  it("defaults to open findings and ignores blank filters", () => {
    expect(ZFindingFilters.parse({ check: "", severity: "" })).toEqual({ status: "open" });
  });

  it("refuses an unknown severity and a malformed account id", () => {
    expect(ZFindingFilters.safeParse({ severity: "urgent" }).success).toBe(false);
    expect(ZFindingFilters.safeParse({ account: "12345" }).success).toBe(false);
  });

  it("round-trips through URL parameters", () => {
    const search = filtersToSearch({
      check: "IAM_LOCAL_USERS",
      severity: "high",
      ou: undefined,
      status: "muted",
    });
    expect(search.toString()).toBe("check=IAM_LOCAL_USERS&severity=high&status=muted");
    expect(ZFindingFilters.parse(Object.fromEntries(search))).toEqual({
      check: "IAM_LOCAL_USERS",
      severity: "high",
      status: "muted",
    });
  });
});

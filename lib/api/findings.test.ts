import { describe, expect, it } from "vitest";
import {
  filtersToSearch,
  MAX_MUTE_DAYS,
  MAX_OWNER_LENGTH,
  ZAssignBody,
  ZFindingFilters,
  ZMuteBody,
} from "./findings";

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

describe("ZAssignBody", () => {
  const id = "00000000-0000-4000-8000-000000000001";

  it("trims the owner and accepts an https ticket and a due date", () => {
    const b = ZAssignBody.parse({
      ids: [id],
      owner: "  platform-team ",
      ticketUrl: "https://jira.example.com/browse/SEC-1",
      dueAt: "2030-01-31",
    });
    expect(b.owner).toBe("platform-team");
    expect(b.ticketUrl).toBe("https://jira.example.com/browse/SEC-1");
    expect(b.dueAt?.toISOString()).toBe("2030-01-31T23:59:59.999Z");
  });

  it.each([
    ["javascript:", "javascript:alert(document.cookie)"],
    ["javascript: with spaces and case", " JaVaScRiPt:alert(1)"],
    ["data:", "data:text/html,<script>alert(1)</script>"],
    ["file:", "file:///etc/passwd"],
    ["a relative path", "/tickets/1"],
    ["no host", "https://"],
  ])("refuses a %s ticket link, naming the field", (_, ticketUrl) => {
    const r = ZAssignBody.safeParse({ ids: [id], owner: "a@x.example", ticketUrl });
    expect(r.success).toBe(false);
    expect(r.error?.issues.map((i) => i.path.join("."))).toContain("ticketUrl");
  });

  it("refuses an empty or over-long owner, markup in it, and no ids", () => {
    expect(ZAssignBody.safeParse({ ids: [id], owner: "  " }).success).toBe(false);
    expect(
      ZAssignBody.safeParse({ ids: [id], owner: "x".repeat(MAX_OWNER_LENGTH + 1) }).success,
    ).toBe(false);
    expect(ZAssignBody.safeParse({ ids: [id], owner: "<b>me</b>" }).success).toBe(false);
    expect(ZAssignBody.safeParse({ ids: [], owner: "a@x.example" }).success).toBe(false);
    expect(ZAssignBody.safeParse({ ids: ["nope"], owner: "a@x.example" }).success).toBe(false);
  });

  it("unassigns with owner null, which may not carry a due date or ticket", () => {
    expect(ZAssignBody.parse({ ids: [id], owner: null })).toEqual({ ids: [id], owner: null });
    expect(ZAssignBody.safeParse({ ids: [id], owner: null, dueAt: "2030-01-01" }).success).toBe(
      false,
    );
  });
});

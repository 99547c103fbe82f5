import { describe, expect, it } from "vitest";
import { ZCheckSettingsChange } from "./check-settings";

const issuesOf = (body: unknown) => {
  const parsed = ZCheckSettingsChange.safeParse(body);
  return parsed.success ? [] : parsed.error.issues.map((i) => i.path.join("."));
};

describe("a change of the check settings", () => {
  it("accepts a partial change, and null as reset to the default", () => {
    expect(ZCheckSettingsChange.parse({ keyMaxAgeDays: 30, requiredTagKeys: null })).toEqual({
      keyMaxAgeDays: 30,
      requiredTagKeys: null,
    });
    expect(ZCheckSettingsChange.parse({})).toEqual({});
  });

  it("never fills in defaults: an absent setting stays absent", () => {
    expect(Object.keys(ZCheckSettingsChange.parse({ staleUserDays: 60 }))).toEqual([
      "staleUserDays",
    ]);
  });

  it("refuses unknown keys", () => {
    expect(ZCheckSettingsChange.safeParse({ keyMaxAgeDay: 30 }).success).toBe(false);
  });

  it.each([
    [{ keyMaxAgeDays: 0 }, "keyMaxAgeDays"],
    [{ keyMaxAgeDays: 1.5 }, "keyMaxAgeDays"],
    [{ keyMaxAgeDays: "30" }, "keyMaxAgeDays"],
    [{ maxUntaggedShare: 1.5 }, "maxUntaggedShare"],
    [{ keyUsageWindowDays: 91 }, "keyUsageWindowDays"],
    [{ dailyCostHistoryDays: 0 }, "dailyCostHistoryDays"],
    [{ dailyCostHistoryDays: 391 }, "dailyCostHistoryDays"],
    [{ lateCorrectionMonths: -1 }, "lateCorrectionMonths"],
    [{ lateCorrectionMonths: 13 }, "lateCorrectionMonths"],
    [{ environmentTagKey: "  " }, "environmentTagKey"],
    [{ requiredTagKeys: ["owner", ""] }, "requiredTagKeys.1"],
    [{ scpBaselineDeniedActions: [] }, "scpBaselineDeniedActions"],
    [{ scpBaselineDeniedActions: ["not an action"] }, "scpBaselineDeniedActions"],
    [{ environmentValueClasses: { prod: "production" } }, "environmentValueClasses.prod"],
    [{ environmentValueClasses: {} }, "environmentValueClasses"],
  ])("names the field of a bad value: %j", (body, path) => {
    expect(issuesOf(body)).toEqual([path]);
  });

  it("accepts the values the page sends for each kind of setting", () => {
    expect(
      ZCheckSettingsChange.safeParse({
        environmentTagKey: "env",
        requiredTagKeys: ["owner", "team"],
        environmentValueClasses: { main: "prod", feature: "nonprod" },
        scpBaselineDeniedActions: ["iam:CreateUser", "ec2:*"],
        mgmtWorkloadSpendThreshold: 250.5,
      }).success,
    ).toBe(true);
  });
});

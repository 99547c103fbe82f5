import { describe, expect, it } from "vitest";
import { DEFAULT_SETTINGS, ZSettings } from "./settings";
import { SETTING_GROUPS, SETTINGS_METADATA } from "./settings-metadata";
import { classifyEnvironment } from "./checks/ou-classes";

describe("settings metadata", () => {
  it("describes every key of ZSettings (add metadata when you add a setting)", () => {
    const described = Object.keys(SETTINGS_METADATA).sort();
    expect(described).toEqual(Object.keys(ZSettings.shape).sort());
  });

  it.each(Object.entries(SETTINGS_METADATA))("%s has a label, meaning, unit and group", (_k, m) => {
    expect(m.label.trim()).not.toBe("");
    expect(m.meaning.trim().length).toBeGreaterThan(10);
    expect(m.unit.trim()).not.toBe("");
    expect(SETTING_GROUPS).toContain(m.group);
  });
});

describe("environment value classes", () => {
  const cases: [string, string | null][] = [
    ["prod", "prod"],
    ["Production", "prod"],
    ["live", "prod"],
    ["nonprod", "nonprod"],
    ["Non-Prod", "nonprod"],
    ["pre-production", "nonprod"],
    ["staging", "nonprod"],
    ["dev", "nonprod"],
    ["sandbox", "sandbox"],
    ["shared", null],
    ["", null],
  ];
  it.each(cases)("default classes: %s → %s", (value, cls) => {
    expect(classifyEnvironment(value, DEFAULT_SETTINGS)).toBe(cls);
  });

  it("follows a changed setting: a value added as prod counts as prod, a removed one as nothing", () => {
    const settings = { ...DEFAULT_SETTINGS, environmentValueClasses: { main: "prod" as const } };
    expect(classifyEnvironment("main-eu", settings)).toBe("prod");
    expect(classifyEnvironment("prod", settings)).toBeNull();
  });

  it("rejects an empty mapping and an unknown class", () => {
    const shape = ZSettings.shape.environmentValueClasses;
    expect(shape.safeParse({}).success).toBe(false);
    expect(shape.safeParse({ prod: "production" }).success).toBe(false);
  });
});

import { describe, expect, it } from "vitest";
import { complianceScore, formatScore, scoreTone } from "./score";

describe("compliance score", () => {
  it.each([
    [0, 0, null, "—", "none"],
    [10, 10, 1, "100%", "good"],
    [9, 10, 0.9, "90%", "good"],
    [8, 10, 0.8, "80%", "fair"],
    [1, 3, 1 / 3, "33%", "poor"],
    [249, 250, 0.996, "99%", "good"],
  ] as const)("%i of %i compliant", (compliant, total, score, text, tone) => {
    const s = complianceScore(compliant, total);
    expect(s).toBe(score);
    expect(formatScore(s)).toBe(text);
    expect(scoreTone(s)).toBe(tone);
  });
});

import { describe, expect, it } from "vitest";
import { findExistingAnomaly } from "./match-existing";

const stored = [
  {
    id: "spike",
    accountId: "1",
    service: "EC2",
    kind: "spike",
    firstDay: "2026-09-10",
    lastDay: "2026-09-10",
  },
  {
    id: "drift",
    accountId: "1",
    service: "S3",
    kind: "drift",
    firstDay: "2026-08-01",
    lastDay: "2026-09-11",
  },
];
const d = (over: Partial<Parameters<typeof findExistingAnomaly>[0]>) => ({
  accountId: "1",
  service: "EC2",
  kind: "spike" as const,
  firstDay: "2026-09-10",
  lastDay: "2026-09-10",
  ...over,
});

describe("findExistingAnomaly", () => {
  it.each([
    ["the same spike seen again", d({}), "spike"],
    [
      "a drift whose window moved on by a day",
      d({ service: "S3", kind: "drift", firstDay: "2026-08-02", lastDay: "2026-09-12" }),
      "drift",
    ],
    [
      "the spike that turned out to start a level shift",
      d({ kind: "level_shift", lastDay: "2026-09-20" }),
      "spike",
    ],
  ])("updates %s", (_name, detection, id) => {
    expect(findExistingAnomaly(detection, stored)?.id).toBe(id);
  });

  it.each([
    ["a spike a week later", d({ firstDay: "2026-09-17", lastDay: "2026-09-17" })],
    ["the same day on another service", d({ service: "RDS" })],
    ["the same day in another account", d({ accountId: "2" })],
    ["another kind over the same days", d({ kind: "new_service" })],
  ])("look-alike: %s is new", (_name, detection) => {
    expect(findExistingAnomaly(detection, stored)).toBeUndefined();
  });
});

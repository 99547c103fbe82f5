import { describe, expect, it } from "vitest";
import { IAM_LONG_LIVED_KEYS, iamLongLivedKeys } from "./iam-long-lived-keys";
import { ACC, accessKey, auditOf, findingsOf, iamUser } from "@/testing/checks/fixtures";
import type { TIamUser } from "@/lib/domain/snapshot";

// The fixture collects on 2026-03-15: 90 days before is 2025-12-15, 45 days before is 2026-01-29.
describe(IAM_LONG_LIVED_KEYS, () => {
  const arn = `arn:aws:iam::${ACC.dev}:user/deploy`;
  const cases: {
    name: string;
    keys: TIamUser["accessKeys"];
    expected: { resource: string; severity: string }[];
  }[] = [
    { name: "fresh, used key: pass", keys: [accessKey(1)], expected: [] },
    {
      name: "inactive old key: pass",
      keys: [accessKey(1, { active: false, lastRotated: "2020-01-01T00:00:00Z", lastUsed: null })],
      expected: [],
    },
    {
      name: "not rotated for 120 days: high",
      keys: [accessKey(1, { lastRotated: "2025-11-15T00:00:00Z" })],
      expected: [{ resource: `${arn}#key1`, severity: "high" }],
    },
    {
      name: "rotated recently but unused for 60 days: medium",
      keys: [
        accessKey(1, { lastRotated: "2026-01-01T00:00:00Z", lastUsed: "2026-01-14T00:00:00Z" }),
      ],
      expected: [{ resource: `${arn}#key1`, severity: "medium" }],
    },
    {
      name: "never used since creation 50 days ago: medium",
      keys: [accessKey(1, { lastRotated: "2026-01-24T00:00:00Z", lastUsed: null })],
      expected: [{ resource: `${arn}#key1`, severity: "medium" }],
    },
    {
      name: "second access key: judged on its own, not only the first",
      keys: [
        accessKey(1),
        accessKey(2, { lastRotated: "2025-06-01T00:00:00Z", keyId: "AKIASECOND" }),
      ],
      expected: [{ resource: `${arn}#key2`, severity: "high" }],
    },
    {
      name: "both keys stale: two findings",
      keys: [
        accessKey(1, { lastRotated: "2025-06-01T00:00:00Z" }),
        accessKey(2, { lastRotated: "2025-07-01T00:00:00Z" }),
      ],
      expected: [
        { resource: `${arn}#key1`, severity: "high" },
        { resource: `${arn}#key2`, severity: "high" },
      ],
    },
    {
      name: "exactly at the limit: pass",
      keys: [
        accessKey(1, { lastRotated: "2025-12-15T06:00:00Z", lastUsed: "2026-01-29T06:00:00Z" }),
      ],
      expected: [],
    },
  ];

  it.each(cases)("$name", ({ keys, expected }) => {
    const findings = findingsOf(iamLongLivedKeys, (s) => {
      auditOf(s, ACC.dev).iamUsers = [
        iamUser(ACC.dev, "deploy", { createdAt: "2025-01-01T00:00:00Z", accessKeys: keys }),
      ];
    });
    expect(findings.map((f) => ({ resource: f.resource, severity: f.severity }))).toEqual(expected);
  });

  it("falls back to the user's creation date when the rotation date is unknown", () => {
    const findings = findingsOf(iamLongLivedKeys, (s) => {
      auditOf(s, ACC.dev).iamUsers = [
        iamUser(ACC.dev, "deploy", {
          createdAt: "2025-01-01T00:00:00Z",
          accessKeys: [accessKey(1, { lastRotated: null })],
        }),
      ];
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]?.evidence.ageDays).toBeGreaterThan(400);
  });
});

import { describe, expect, it } from "vitest";
import { IAM_STALE_USERS, iamStaleUsers } from "./iam-stale-users";
import { ACC, accessKey, auditOf, findingsOf, iamUser } from "@/testing/checks/fixtures";
import type { TIamUser } from "@/lib/domain/snapshot";

describe(IAM_STALE_USERS, () => {
  const old = "2025-06-01T00:00:00Z";
  const cases: { name: string; user: Partial<TIamUser>; expected: string[] }[] = [
    { name: "created recently: pass", user: { createdAt: "2026-03-01T00:00:00Z" }, expected: [] },
    { name: "old, never used, nothing usable: low", user: { createdAt: old }, expected: ["low"] },
    {
      name: "old, password used recently: pass",
      user: { createdAt: old, passwordEnabled: true, passwordLastUsed: "2026-03-10T00:00:00Z" },
      expected: [],
    },
    {
      name: "old password use, still enabled: medium",
      user: { createdAt: old, passwordEnabled: true, passwordLastUsed: "2025-07-01T00:00:00Z" },
      expected: ["medium"],
    },
    {
      name: "first key idle, second key used recently: pass",
      user: {
        createdAt: old,
        accessKeys: [
          accessKey(1, { lastUsed: old }),
          accessKey(2, { lastUsed: "2026-03-01T00:00:00Z" }),
        ],
      },
      expected: [],
    },
    {
      name: "every key idle: medium (active key)",
      user: {
        createdAt: old,
        accessKeys: [accessKey(1, { lastUsed: old }), accessKey(2, { lastUsed: null })],
      },
      expected: ["medium"],
    },
  ];

  it.each(cases)("$name", ({ user, expected }) => {
    const findings = findingsOf(iamStaleUsers, (s) => {
      auditOf(s, ACC.prod).iamUsers = [iamUser(ACC.prod, "old-timer", user)];
    });
    expect(findings.map((f) => f.severity)).toEqual(expected);
    for (const f of findings) expect(f.resource).toBe(`arn:aws:iam::${ACC.prod}:user/old-timer`);
  });
});

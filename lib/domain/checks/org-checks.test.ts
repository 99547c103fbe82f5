import { describe, expect, it } from "vitest";
import type { TSnapshot } from "@/lib/domain/snapshot";
import { ORG_ACCOUNT_AT_ROOT, orgAccountAtRoot } from "./org-account-at-root";
import { ORG_ACCOUNT_OUTSIDE, orgAccountOutside } from "./org-account-outside";
import { ORG_OU_STRUCTURE, orgOuStructure } from "./org-ou-structure";
import { ACC, EXTERNAL_ACCOUNT, OU, findingsOf } from "@/testing/checks/fixtures";

const move = (
  s: TSnapshot,
  id: string,
  parentId: string,
  status?: TSnapshot["accounts"][number]["status"],
) => {
  const a = s.accounts.find((x) => x.id === id);
  if (!a) throw new Error(id);
  a.parentId = parentId;
  if (status) a.status = status;
};

describe(ORG_ACCOUNT_AT_ROOT, () => {
  it.each([
    { name: "only the management account at Root: pass", mutate: () => undefined, expected: [] },
    {
      name: "a member account at Root",
      mutate: (s: TSnapshot) => move(s, ACC.dev, OU.root),
      expected: [ACC.dev],
    },
    {
      name: "a suspended account at Root is not audited",
      mutate: (s: TSnapshot) => move(s, ACC.dev, OU.root, "SUSPENDED"),
      expected: [],
    },
  ])("$name", ({ mutate, expected }) => {
    expect(findingsOf(orgAccountAtRoot, mutate).map((f) => f.accountId)).toEqual(expected);
  });
});

describe(ORG_ACCOUNT_OUTSIDE, () => {
  it.each([
    {
      name: "known accounts all inside: pass",
      known: [ACC.dev, ACC.prod],
      mutate: () => undefined,
      expected: [],
    },
    {
      name: "a known account outside the organization",
      known: [ACC.dev, EXTERNAL_ACCOUNT],
      mutate: () => undefined,
      expected: [`${EXTERNAL_ACCOUNT}|`],
    },
    {
      name: "suspended account in the Suspended OU: pass",
      known: [],
      mutate: (s: TSnapshot) => move(s, ACC.dev, OU.suspended, "SUSPENDED"),
      expected: [],
    },
    {
      name: "suspended account still in SDLC",
      known: [],
      mutate: (s: TSnapshot) => move(s, ACC.dev, OU.sdlc, "SUSPENDED"),
      expected: [`${ACC.dev}|`],
    },
  ])("$name", ({ known, mutate, expected }) => {
    const findings = findingsOf(orgAccountOutside, mutate, { knownAccountIds: new Set(known) });
    expect(findings.map((f) => `${f.accountId}|${f.resource}`)).toEqual(expected);
  });
});

describe(ORG_OU_STRUCTURE, () => {
  it.each([
    { name: "all foundational OUs: pass", mutate: () => undefined, expected: [] },
    {
      name: "no Sandbox and no Suspended OU",
      mutate: (s: TSnapshot) => {
        s.orgUnits = s.orgUnits.filter((o) => o.id !== OU.sandbox && o.id !== OU.suspended);
      },
      expected: ["ou:sandbox", "ou:suspended"],
    },
    {
      name: "a flat Workloads OU without prod / non-prod",
      mutate: (s: TSnapshot) => {
        s.orgUnits = s.orgUnits.filter((o) => o.id !== OU.prod && o.id !== OU.sdlc);
        for (const a of s.accounts)
          if (a.parentId === OU.prod || a.parentId === OU.sdlc) a.parentId = OU.workloads;
      },
      expected: ["ou:prod", "ou:nonprod"],
    },
  ])("$name", ({ mutate, expected }) => {
    const findings = findingsOf(orgOuStructure, mutate);
    expect(findings.map((f) => f.resource)).toEqual(expected);
    for (const f of findings) expect(f.severity).toBe("info");
  });
});

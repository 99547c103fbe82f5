import { describe, expect, it } from "vitest";
import { resolveRole, type Binding } from "./resolve-role";

const bindings: Binding[] = [
  { group: "finops", role: "analyst", ouIds: [] },
  { group: "payments-leads", role: "viewer", ouIds: ["ou-pay"] },
  { group: "data-leads", role: "viewer", ouIds: ["ou-data"] },
  { group: "platform", role: "admin", ouIds: [] },
];

describe("resolveRole", () => {
  it.each([
    { groups: ["finops"], expected: { role: "analyst", scope: { ouIds: null } } },
    { groups: ["payments-leads"], expected: { role: "viewer", scope: { ouIds: ["ou-pay"] } } },
    {
      groups: ["payments-leads", "data-leads"],
      expected: { role: "viewer", scope: { ouIds: ["ou-data", "ou-pay"] } },
    },
    { groups: ["payments-leads", "platform"], expected: { role: "admin", scope: { ouIds: null } } },
    { groups: ["unknown"], expected: null },
    { groups: [], expected: null },
  ])("groups $groups → $expected", ({ groups, expected }) => {
    expect(
      resolveRole({ verifiedEmail: "a@x.example", groups, bindings, adminEmails: [] }),
    ).toEqual(expected);
  });

  it("makes bootstrap admin emails unscoped admins, case-insensitively", () => {
    expect(
      resolveRole({
        verifiedEmail: "Root@X.example",
        groups: [],
        bindings,
        adminEmails: ["root@x.example"],
      }),
    ).toEqual({ role: "admin", scope: { ouIds: null } });
  });

  it("never makes a bootstrap admin of a caller without a verified email", () => {
    expect(
      resolveRole({ verifiedEmail: null, groups: [], bindings, adminEmails: ["root@x.example"] }),
    ).toBeNull();
    expect(
      resolveRole({
        verifiedEmail: null,
        groups: ["finops"],
        bindings,
        adminEmails: ["root@x.example"],
      }),
    ).toEqual({ role: "analyst", scope: { ouIds: null } });
  });
});

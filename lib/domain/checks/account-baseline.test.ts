import { describe, expect, it } from "vitest";
import type { TBaselineControl, TSnapshot } from "@/lib/domain/snapshot";
import { accountBaseline } from "./account-baseline";
import { ACC, auditOf, findingsOf } from "@/testing/checks/fixtures";

const REGION = "eu-west-1";

function full(): TBaselineControl[] {
  return [
    { control: "guardduty", region: REGION, status: "on", detail: "" },
    { control: "config-recorder", region: REGION, status: "on", detail: "" },
    { control: "ebs-default-encryption", region: REGION, status: "on", detail: "" },
    { control: "s3-account-public-access-block", region: null, status: "on", detail: "" },
    { control: "iam-password-policy", region: null, status: "on", detail: "" },
  ];
}

function withBaseline(
  accountId: string,
  change: (c: TBaselineControl) => TBaselineControl,
  more: (snap: TSnapshot) => void = () => undefined,
) {
  return (snap: TSnapshot) => {
    for (const a of snap.audits) a.baseline = full();
    auditOf(snap, accountId).baseline = full().map(change);
    more(snap);
  };
}

const set =
  (control: TBaselineControl["control"], status: TBaselineControl["status"]) =>
  (c: TBaselineControl) => (c.control === control ? { ...c, status } : c);

describe("ACCOUNT_BASELINE", () => {
  it("does not flag fully baselined accounts", () => {
    expect(
      findingsOf(
        accountBaseline,
        withBaseline(ACC.dev, (c) => c),
      ),
    ).toEqual([]);
  });

  it.each([
    ["guardduty", "GuardDuty (eu-west-1)"],
    ["config-recorder", "AWS Config recorder (eu-west-1)"],
    ["ebs-default-encryption", "EBS default encryption (eu-west-1)"],
    ["s3-account-public-access-block", "S3 account Block Public Access"],
    ["iam-password-policy", "IAM password policy"],
  ] as const)("flags an account with %s off, naming the control", (control, label) => {
    const [f, ...rest] = findingsOf(accountBaseline, withBaseline(ACC.dev, set(control, "off")));
    expect(rest).toEqual([]);
    expect(f).toMatchObject({
      checkId: "ACCOUNT_BASELINE",
      accountId: ACC.dev,
      resource: "",
      severity: "medium",
      evidence: { missing: [label], unknown: [] },
    });
  });

  it("treats an unreadable control as unknown, not a violation, and names it beside a real gap", () => {
    expect(
      findingsOf(accountBaseline, withBaseline(ACC.dev, set("config-recorder", "unknown"))),
    ).toEqual([]);
    const [f] = findingsOf(
      accountBaseline,
      withBaseline(ACC.dev, (c) =>
        set("iam-password-policy", "off")(set("config-recorder", "unknown")(c)),
      ),
    );
    expect(f?.evidence).toMatchObject({
      missing: ["IAM password policy"],
      unknown: ["AWS Config recorder (eu-west-1)"],
    });
  });

  it("counts GuardDuty auto-enabled for all members by the delegated administrator (look-alike)", () => {
    const autoAll = (snap: TSnapshot) => {
      snap.guardDutyOrganization = [
        { adminAccountId: ACC.security, region: REGION, autoEnable: "ALL" },
      ];
    };
    expect(
      findingsOf(accountBaseline, withBaseline(ACC.dev, set("guardduty", "off"), autoAll)),
    ).toEqual([]);
  });

  it("still flags GuardDuty when the administrator auto-enables only new members or another region", () => {
    const onlyNew = (snap: TSnapshot) => {
      snap.guardDutyOrganization = [
        { adminAccountId: ACC.security, region: REGION, autoEnable: "NEW" },
        { adminAccountId: ACC.security, region: "us-east-1", autoEnable: "ALL" },
      ];
    };
    expect(
      findingsOf(accountBaseline, withBaseline(ACC.dev, set("guardduty", "off"), onlyNew)).map(
        (f) => f.accountId,
      ),
    ).toEqual([ACC.dev]);
  });

  it("reads nothing into an account whose baseline was not collected", () => {
    expect(findingsOf(accountBaseline)).toEqual([]);
  });
});

// The playbook's "consistent baseline on every account": GuardDuty, an AWS Config recorder that is
// recording, EBS encryption by default, account-level S3 Block Public Access and an IAM password
// policy. One finding per account lists every control that is off; a control that could not be read
// (denied, unsupported) is "unknown" and reported as such in the evidence, never as a violation.
import type { TBaselineControl, TSnapshot } from "@/lib/domain/snapshot";
import { indexSnapshot } from "./org-index";
import type { TCheck, TFinding } from "./types";

export const ACCOUNT_BASELINE = "ACCOUNT_BASELINE";

const LABELS: Record<TBaselineControl["control"], string> = {
  guardduty: "GuardDuty",
  "config-recorder": "AWS Config recorder",
  "ebs-default-encryption": "EBS default encryption",
  "s3-account-public-access-block": "S3 account Block Public Access",
  "iam-password-policy": "IAM password policy",
};

/** GuardDuty auto-enabled for ALL members by the delegated administrator covers a member without its own detector. */
function autoEnabledBy(snap: TSnapshot, region: string | null): string | null {
  const org = snap.guardDutyOrganization.find((g) => g.region === region && g.autoEnable === "ALL");
  return org?.adminAccountId ?? null;
}

function effective(snap: TSnapshot, c: TBaselineControl): TBaselineControl {
  if (c.control !== "guardduty" || c.status === "on") return c;
  const admin = autoEnabledBy(snap, c.region);
  return admin
    ? {
        ...c,
        status: "on",
        detail: `auto-enabled for all members by delegated administrator ${admin} (${c.detail})`,
      }
    : c;
}

const where = (c: TBaselineControl) => `${LABELS[c.control]}${c.region ? ` (${c.region})` : ""}`;

export const accountBaseline: TCheck = {
  definition: {
    id: ACCOUNT_BASELINE,
    title: "Account baseline configuration",
    category: "logging",
    defaultSeverity: "medium",
    evidenceKind: "account-audit",
    remediation:
      "Apply the account baseline on every account (Control Tower customizations, a StackSet or the GuardDuty and Config " +
      "organization features): enable GuardDuty (auto-enable for all members from the delegated administrator), run an AWS " +
      "Config recorder in each region, turn on EBS encryption by default, set account-level S3 Block Public Access, and " +
      "set an IAM password policy.",
  },
  run(snap) {
    const index = indexSnapshot(snap);
    const out: TFinding[] = [];
    for (const audit of snap.audits) {
      if (audit.status !== "audited" || !audit.baseline.length) continue;
      const account = index.accountById.get(audit.accountId);
      if (account?.status !== "ACTIVE") continue;
      const controls = audit.baseline.map((c) => effective(snap, c));
      const off = controls.filter((c) => c.status === "off");
      if (!off.length) continue;
      const unknown = controls.filter((c) => c.status === "unknown");
      out.push({
        checkId: ACCOUNT_BASELINE,
        accountId: account.id,
        ouId: null,
        resource: "",
        severity: "medium",
        title: `${account.name} misses part of the account baseline`,
        message:
          `${account.name} (${account.id}) lacks ${off.map(where).join(", ")}` +
          (unknown.length ? `; not readable: ${unknown.map(where).join(", ")}` : "") +
          ".",
        evidence: {
          missing: off.map(where),
          unknown: unknown.map(where),
          controls: controls.map((c) => ({
            control: c.control,
            region: c.region,
            status: c.status,
            detail: c.detail,
          })),
        },
      });
    }
    return out;
  },
};

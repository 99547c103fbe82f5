// Security Hub, read once from the aggregator (delegated administrator or management account):
// active findings by account and severity, and which accounts are members. Enabled standards are a
// per-account setting: each member account is asked for its own (readEnabledStandards).
import {
  paginateGetEnabledStandards,
  paginateGetFindings,
  paginateListMembers,
  type AwsSecurityFinding,
} from "@aws-sdk/client-securityhub";
import type { z } from "zod";
import type { ZSecurityHub } from "@/lib/domain/snapshot";
import type { AwsClients } from "./clients";
import { isNamed } from "./errors";
import type { RunNotes } from "./notes";

type Counts = z.infer<typeof ZSecurityHub>["findings"];

export interface HubSummary {
  aggregatorAccountId: string;
  /** Member accounts (and the aggregator itself); null when membership could not be read. */
  members: Set<string> | null;
  findings: Map<string, Counts>;
}

const LABELS = { CRITICAL: "critical", HIGH: "high", MEDIUM: "medium", LOW: "low" } as const;

function isActive(f: AwsSecurityFinding): boolean {
  const workflow = f.Workflow?.Status ?? f.WorkflowState ?? "NEW";
  return f.RecordState !== "ARCHIVED" && workflow !== "RESOLVED" && workflow !== "SUPPRESSED";
}

function labelOf(f: AwsSecurityFinding): keyof Counts | undefined {
  const label = f.Severity?.Label;
  return label === "CRITICAL" || label === "HIGH" || label === "MEDIUM" || label === "LOW"
    ? LABELS[label]
    : undefined;
}

/** Null when Security Hub is not enabled in the aggregator account. */
export async function readSecurityHub(
  clients: AwsClients,
  region: string,
  notes: RunNotes,
): Promise<HubSummary | null> {
  const client = clients.securityHub(region);
  const findings = new Map<string, Counts>();
  const read = async () => {
    // The filter keeps pages few; the same test is applied again here for endpoints that ignore filters.
    const pages = paginateGetFindings(
      { client, pageSize: 100 },
      {
        Filters: {
          RecordState: [{ Value: "ACTIVE", Comparison: "EQUALS" }],
          WorkflowStatus: [
            { Value: "NEW", Comparison: "EQUALS" },
            { Value: "NOTIFIED", Comparison: "EQUALS" },
          ],
          SeverityLabel: Object.keys(LABELS).map((Value) => ({
            Value,
            Comparison: "EQUALS" as const,
          })),
        },
      },
    );
    try {
      for await (const page of pages) {
        for (const f of page.Findings ?? []) {
          const label = labelOf(f);
          if (!label || !f.AwsAccountId || !isActive(f)) continue;
          const counts = findings.get(f.AwsAccountId) ?? {
            critical: 0,
            high: 0,
            medium: 0,
            low: 0,
          };
          counts[label] += 1;
          findings.set(f.AwsAccountId, counts);
        }
      }
    } catch (err) {
      // Security Hub not enabled in the aggregator: no findings to read, every account "not enabled".
      if (isNamed(err, "InvalidAccessException", "ResourceNotFoundException")) return false;
      throw err;
    }
    return true;
  };
  if (!(await notes.optional(clients.accountId, "securityhub:GetFindings", read))) return null;

  const members = await notes.optional(clients.accountId, "securityhub:ListMembers", async () => {
    const ids = new Set<string>([clients.accountId]);
    for await (const page of paginateListMembers({ client }, { OnlyAssociated: true })) {
      for (const m of page.Members ?? [])
        if (m.AccountId && m.MemberStatus !== "Removed" && m.MemberStatus !== "Resigned")
          ids.add(m.AccountId);
    }
    return ids;
  });
  return { aggregatorAccountId: clients.accountId, members, findings };
}

/**
 * Standards subscribed in the account the clients act in (sorted ARNs); [] when Security Hub is not
 * enabled there; null (with a note) when the role may not read them: a minor gap that must not fail the
 * account's audit. Subscriptions failing or being deleted do not count.
 */
export async function readEnabledStandards(
  clients: AwsClients,
  region: string,
  notes: RunNotes,
): Promise<string[] | null> {
  const arns: string[] = [];
  try {
    for await (const page of paginateGetEnabledStandards(
      { client: clients.securityHub(region) },
      {},
    )) {
      for (const s of page.StandardsSubscriptions ?? []) {
        if (s.StandardsArn && s.StandardsStatus !== "FAILED" && s.StandardsStatus !== "DELETING")
          arns.push(s.StandardsArn);
      }
    }
  } catch (err) {
    if (isNamed(err, "InvalidAccessException")) return [];
    if (isNamed(err, "AccessDeniedException")) {
      notes.add(
        clients.accountId,
        "securityhub",
        "securityhub:GetEnabledStandards denied: enabled standards unknown for this account.",
      );
      return null;
    }
    throw err;
  }
  return [...new Set(arns)].toSorted();
}

/** Per-account view; without a membership list, an account counts as enabled when the aggregator is. */
export function securityHubFor(
  hub: HubSummary | null,
  accountId: string,
  standards: string[] | null = null,
): z.infer<typeof ZSecurityHub> {
  if (!hub)
    return { enabled: false, findings: { critical: 0, high: 0, medium: 0, low: 0 }, standards };
  const enabled = hub.members ? hub.members.has(accountId) : true;
  return {
    enabled,
    findings: hub.findings.get(accountId) ?? { critical: 0, high: 0, medium: 0, low: 0 },
    standards,
  };
}

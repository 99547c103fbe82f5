// Accounts directly under Root get only Root's policies: no OU-specific guardrails, no clear owner.
import type { TCheck } from "./types";
import { indexSnapshot } from "./org-index";

export const ORG_ACCOUNT_AT_ROOT = "ORG_ACCOUNT_AT_ROOT";

export const orgAccountAtRoot: TCheck = {
  definition: {
    id: ORG_ACCOUNT_AT_ROOT,
    title: "Member accounts directly under Root",
    category: "organization",
    defaultSeverity: "medium",
    evidenceKind: "organization",
    remediation:
      "Move the account into the OU matching its purpose (Security, Infrastructure, Workloads, Sandbox …) so the OU's guardrails apply.",
  },
  run(snap) {
    const index = indexSnapshot(snap);
    if (index.rootId === null) return [];
    return index.memberAccounts
      .filter((a) => a.parentId === index.rootId)
      .map((a) => ({
        checkId: ORG_ACCOUNT_AT_ROOT,
        accountId: a.id,
        ouId: null,
        resource: "",
        severity: "medium",
        title: `${a.name} sits directly under Root`,
        message: `Member account ${a.name} (${a.id}) is not in any OU.`,
        evidence: { account: a.id, parentId: a.parentId, joinedAt: a.joinedAt },
      }));
  },
};

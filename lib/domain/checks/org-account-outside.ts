// Accounts the company owns but the organization does not govern: no SCPs, no central logging, no
// consolidated billing. Suspended accounts belong in a Suspended OU that denies everything.
import type { TCheck, TFinding } from "./types";
import { indexSnapshot } from "./org-index";
import { ouHasClass } from "./ou-classes";

export const ORG_ACCOUNT_OUTSIDE = "ORG_ACCOUNT_OUTSIDE";

export const orgAccountOutside: TCheck = {
  definition: {
    id: ORG_ACCOUNT_OUTSIDE,
    title: "Accounts outside the organization or misplaced when suspended",
    category: "organization",
    defaultSeverity: "medium",
    evidenceKind: "organization",
    remediation:
      "Invite known accounts into the organization (or close them and remove them from the inventory). " +
      "Move suspended accounts into the Suspended OU, whose SCP denies all actions, until they are closed.",
  },
  run(snap, _settings, ctx) {
    const index = indexSnapshot(snap);
    const out: TFinding[] = [];
    for (const id of [...ctx.knownAccountIds].toSorted()) {
      if (index.accountById.has(id)) continue;
      out.push({
        checkId: ORG_ACCOUNT_OUTSIDE,
        accountId: id,
        ouId: null,
        resource: "",
        severity: "medium",
        title: `Known account ${id} is outside the organization`,
        message: `Account ${id} is in the imported inventory but not a member of organization ${snap.organization.id}.`,
        evidence: { account: id, organization: snap.organization.id, source: "known-accounts" },
      });
    }
    for (const a of snap.accounts) {
      if (a.status !== "SUSPENDED" || ouHasClass(index, a.parentId, "suspended")) continue;
      const ouPath = index.paths.get(a.parentId)?.path ?? a.parentId;
      out.push({
        checkId: ORG_ACCOUNT_OUTSIDE,
        accountId: a.id,
        ouId: null,
        resource: "",
        severity: "low",
        title: `Suspended account ${a.name} is outside the Suspended OU`,
        message: `${a.name} (${a.id}) is suspended but sits in ${ouPath}.`,
        evidence: { account: a.id, status: a.status, ouPath },
      });
    }
    return out;
  },
};

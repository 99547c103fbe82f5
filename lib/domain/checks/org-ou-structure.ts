// The playbook's foundational OUs. Informational: an organization may have good reasons to differ,
// but a missing one usually means accounts of that kind sit somewhere less suitable.
import type { TCheck } from "./types";
import { classifyOuName, type TOuClass } from "./ou-classes";

export const ORG_OU_STRUCTURE = "ORG_OU_STRUCTURE";

const FOUNDATIONAL: readonly { cls: TOuClass; name: string }[] = [
  { cls: "security", name: "Security" },
  { cls: "infrastructure", name: "Infrastructure" },
  { cls: "prod", name: "Workloads (prod)" },
  { cls: "nonprod", name: "Workloads (non-prod / SDLC)" },
  { cls: "sandbox", name: "Sandbox" },
  { cls: "suspended", name: "Suspended" },
];

export const orgOuStructure: TCheck = {
  definition: {
    id: ORG_OU_STRUCTURE,
    title: "Foundational OUs",
    category: "organization",
    defaultSeverity: "info",
    evidenceKind: "organization",
    remediation:
      "Create the foundational OUs (Security, Infrastructure, Workloads/Prod, Workloads/SDLC, Sandbox, Suspended) and attach each its guardrails.",
  },
  run(snap) {
    const present = new Set(
      snap.orgUnits.filter((o) => o.parentId !== null).map((o) => classifyOuName(o.name)),
    );
    return FOUNDATIONAL.filter((f) => !present.has(f.cls)).map((f) => ({
      checkId: ORG_OU_STRUCTURE,
      accountId: null,
      ouId: null,
      resource: `ou:${f.cls}`,
      severity: "info",
      title: `No ${f.name} OU`,
      message: `The organization has no OU for ${f.name}.`,
      evidence: { expected: f.name, ous: snap.orgUnits.slice(0, 100).map((o) => o.name) },
    }));
  },
};

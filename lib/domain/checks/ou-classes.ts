// What an OU is for, read from its name (or an environment tag on it), and what environment an
// account tag names. Real organizations spell these many ways: "Workloads/Prod", "SDLC", "NonProd".
import type { TSettings } from "@/lib/domain/settings";
import type { TOrgIndex } from "./org-index";

export type TEnvironmentClass = "prod" | "nonprod" | "sandbox";
export type TOuClass =
  | TEnvironmentClass
  | "security"
  | "infrastructure"
  | "suspended"
  | "workloads"
  | "policy-staging"
  | "exceptions";

const OU_PATTERNS: readonly [RegExp, TOuClass][] = [
  [/suspend/i, "suspended"],
  [/sandbox/i, "sandbox"],
  [/security|audit|log.?archive/i, "security"],
  [/infra|shared.?services|network/i, "infrastructure"],
  [/policy.?staging/i, "policy-staging"],
  [/exception/i, "exceptions"],
  // Before "prod": "NonProd" and "pre-prod" contain it.
  [/non.?prod|pre.?prod|sdlc|dev|test|stag|qa|uat/i, "nonprod"],
  [/prod/i, "prod"],
  [/workload/i, "workloads"],
];

export function classifyOuName(name: string): TOuClass | null {
  for (const [pattern, cls] of OU_PATTERNS) if (pattern.test(name)) return cls;
  return null;
}

/**
 * The environment class an environment tag value names (the setting's longest matching prefix,
 * case-insensitive), or null for values like "shared".
 */
export function classifyEnvironment(value: string, settings: TSettings): TEnvironmentClass | null {
  const v = value.trim().toLowerCase();
  let best: { length: number; cls: TEnvironmentClass } | null = null;
  for (const [prefix, cls] of Object.entries(settings.environmentValueClasses)) {
    const p = prefix.trim().toLowerCase();
    if (p && v.startsWith(p) && (!best || p.length > best.length)) best = { length: p.length, cls };
  }
  return best?.cls ?? null;
}

function isEnvironment(cls: TOuClass | null): cls is TEnvironmentClass {
  return cls === "prod" || cls === "nonprod" || cls === "sandbox";
}

/** The environment an OU implies: the nearest OU (itself or an ancestor) tagged or named for one. */
export function ouEnvironment(
  index: TOrgIndex,
  ouId: string,
  settings: TSettings,
): TEnvironmentClass | null {
  const ids = index.ouPathIdsOf(ouId).toReversed();
  for (const id of ids) {
    const ou = index.ouById.get(id);
    if (!ou || ou.parentId === null) continue;
    const tagged = ou.tags[settings.environmentTagKey];
    const cls =
      tagged !== undefined ? classifyEnvironment(tagged, settings) : classifyOuName(ou.name);
    if (isEnvironment(cls)) return cls;
  }
  return null;
}

/** Whether the OU or one of its ancestors is named for the given purpose. */
export function ouHasClass(index: TOrgIndex, ouId: string, cls: TOuClass): boolean {
  return index.ouNamesOf(ouId).some((name) => classifyOuName(name) === cls);
}

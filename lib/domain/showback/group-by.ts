// What a showback view groups spend by, as written in URLs ("ou", "tag:team") and shown to people.
export const FIXED_GROUP_BYS = [
  "account",
  "ou",
  "ou-today",
  "service",
  "cost-center",
  "charge-type",
  "region",
] as const;
export type TFixedGroupBy = (typeof FIXED_GROUP_BYS)[number];

export type TGroupBy = { kind: TFixedGroupBy } | { kind: "tag"; tagKey: string };

const TAG_PREFIX = "tag:";
/** AWS tag keys: up to 128 characters. */
const MAX_TAG_KEY = 128;

export function parseGroupBy(value: string): TGroupBy | null {
  const fixed = FIXED_GROUP_BYS.find((g) => g === value);
  if (fixed) return { kind: fixed };
  if (!value.startsWith(TAG_PREFIX)) return null;
  const tagKey = value.slice(TAG_PREFIX.length);
  return tagKey.length > 0 && tagKey.length <= MAX_TAG_KEY ? { kind: "tag", tagKey } : null;
}

export function formatGroupBy(g: TGroupBy): string {
  return g.kind === "tag" ? `${TAG_PREFIX}${g.tagKey}` : g.kind;
}

export const UNTAGGED_LABEL = "(untagged)";
/** Spend Cost Explorer gives no region (e.g. some fees). */
export const NO_REGION_LABEL = "(no region)";

/** Groupings read from the per-dimension facts (cost_by_dimension), and the Cost Explorer key of each. */
export const DIMENSION_OF = { "charge-type": "RECORD_TYPE", region: "REGION" } as const;
export type TDimensionGroupBy = keyof typeof DIMENSION_OF;
export const UNALLOCATED_LABEL = "unallocated";
/** Spend of accounts OrgLens has never seen in the organization (e.g. from an imported FOCUS file). */
export const OUTSIDE_ORG_LABEL = "(outside the organization)";

/** The heading of the group column. */
export function groupByTitle(g: TGroupBy): string {
  switch (g.kind) {
    case "account":
      return "Account";
    case "ou":
      return "OU (as of the charge month)";
    case "ou-today":
      return "OU (as of today)";
    case "service":
      return "Service";
    case "cost-center":
      return "Cost center";
    case "charge-type":
      return "Charge type";
    case "region":
      return "Region";
    case "tag":
      return `Tag: ${g.tagKey}`;
  }
}

/** The grouping inside a sentence: "spend by OU (as of today)", "by cost center". */
export function groupByNoun(g: TGroupBy): string {
  const title = groupByTitle(g);
  return g.kind === "ou" || g.kind === "ou-today" || g.kind === "tag"
    ? title.replace(/^Tag:/, "tag")
    : title.toLowerCase();
}

/** How a group's key reads: names for accounts and OUs (looked up by the query), buckets for blanks. */
export function groupLabel(g: TGroupBy, key: string, lookedUp: string | null): string {
  switch (g.kind) {
    case "account":
      return lookedUp ?? key;
    case "ou":
    case "ou-today":
      return lookedUp ? ouDisplayPath(lookedUp) : key || OUTSIDE_ORG_LABEL;
    case "cost-center":
      return key === "" ? UNALLOCATED_LABEL : key;
    case "tag":
      return key === "" ? UNTAGGED_LABEL : key;
    case "region":
      return key === "" ? NO_REGION_LABEL : key;
    case "service":
    case "charge-type":
      return key;
  }
}

/** "Root/Workloads/Prod" → "Workloads/Prod"; the root itself stays "Root". */
export function ouDisplayPath(path: string): string {
  const i = path.indexOf("/");
  return i < 0 ? path : path.slice(i + 1);
}

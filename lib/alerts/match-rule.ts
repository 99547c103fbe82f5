// Which rules a new finding matches: every non-empty filter must match (empty = any).
export interface AlertRuleFilter {
  checkIds: string[];
  categories: string[];
  severities: string[];
  /** OU subtrees: matches a finding whose OU path contains one of these ids. */
  ouIds: string[];
}

export interface AlertableFinding {
  checkId: string;
  category: string;
  severity: string;
  /** Ids of the finding's OU and its ancestors (empty when the finding has no OU). */
  ouPathIds: string[];
}

export function matchesRule(rule: AlertRuleFilter, f: AlertableFinding): boolean {
  if (rule.checkIds.length && !rule.checkIds.includes(f.checkId)) return false;
  if (rule.categories.length && !rule.categories.includes(f.category)) return false;
  if (rule.severities.length && !rule.severities.includes(f.severity)) return false;
  if (rule.ouIds.length && !rule.ouIds.some((id) => f.ouPathIds.includes(id))) return false;
  return true;
}

/** Same finding, same (re)opening: one alert per channel across runs. */
export function dedupeKey(fingerprint: string, reopenedCount: number): string {
  return `${fingerprint}#${reopenedCount}`;
}

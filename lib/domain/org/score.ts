// The compliance score shown per OU and account, defined once for the tree, its legend and tests.
export const COMPLIANCE_SCORE_DEFINITION =
  "Compliance score: the share of accounts in the subtree with no open critical or high finding (muted findings excepted). " +
  "Findings on an OU itself count in the severity columns, not in the score.";

/** 0–1, or null when the subtree holds no account. */
export function complianceScore(compliantAccounts: number, accountCount: number): number | null {
  return accountCount > 0 ? compliantAccounts / accountCount : null;
}

export type ScoreTone = "good" | "fair" | "poor" | "none";

export function scoreTone(score: number | null): ScoreTone {
  if (score === null) return "none";
  if (score >= 0.9) return "good";
  if (score >= 0.7) return "fair";
  return "poor";
}

/** "83%"; floors so that 99.6% never reads as a perfect 100%. */
export function formatScore(score: number | null): string {
  return score === null ? "—" : `${Math.floor(score * 100)}%`;
}

// Open anomalies summed per account, OU or cost center: how many, and their impact in USD.

export interface RollUpInput {
  accountId: string;
  impact: number;
}

export interface RollUpRow {
  key: string;
  label: string;
  count: number;
  impact: number;
}

/** `groupOf` names the account's group (OU path, cost center); accounts without one share "—". */
export function rollUpAnomalies(
  anomalies: readonly RollUpInput[],
  groupOf: (accountId: string) => { key: string; label: string } | null,
): RollUpRow[] {
  const rows = new Map<string, RollUpRow>();
  for (const a of anomalies) {
    const g = groupOf(a.accountId) ?? { key: "", label: "—" };
    const row = rows.get(g.key) ?? { key: g.key, label: g.label, count: 0, impact: 0 };
    row.count++;
    row.impact = Math.round((row.impact + a.impact) * 100) / 100;
    rows.set(g.key, row);
  }
  return [...rows.values()].sort((a, b) => b.impact - a.impact || a.label.localeCompare(b.label));
}

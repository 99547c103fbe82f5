// The prose under the BENCHMARKS.md table: how each figure is measured, so a reader can trust it.
export const NOTES = `## How each figure is measured

- **Organization**: \`generateDemoSnapshot({ accounts, months: 14 })\` stored through \`loadDemo\` (the same run → snapshot →
  store pipeline as a real collection, findings and KPIs evaluated) into a fresh embedded PostgreSQL in \`.data/bench-pg/run-<pid>\`,
  deleted afterwards. The load time covers generation, storing and evaluation.
- **Showback**: \`GET /api/v1/costs\` of a production build (\`next build\` into \`.next-bench\`, \`next start\`), signed in with
  the demo sign-in, 30 timed requests after 3 warm-ups. "Naive SQL" is the same aggregation written directly on the raw
  fact table \`cost_monthly\` (OU of the charge month from \`account_placement\`), run from the benchmark process against the
  same database. The ratio is API p50 / naive p50; it includes HTTP, the session check and JSON, which the SQL does not.
- **Exports**: the chargeback CSV (\`/api/v1/chargeback/export\`, one download per month for every month, as finance
  pulls them) and the FOCUS 1.2 CSV of every stored cost row over the whole window (\`/api/v1/chargeback/focus\`), over
  HTTP from the production server, against \`COPY (the query the export reads) TO STDOUT WITH (FORMAT csv)\` streamed to
  the benchmark through pg-copy-streams; rows counted as lines without the header on both sides. The chargeback COPY
  reads direct spend per account from the rollup; the route also allocates shared costs and adds adjustments, so the
  COPY is a lower bound of its work. Server memory is the summed VmRSS of the next-server process tree, sampled every
  50 ms during both exports, and the main process's VmHWM.
- **OU tree**: Chromium (playwright-core, /usr/bin/chromium) from navigation start until the first tree row is visible
  and ArrowDown moves focus to the next row; median of 3 after a warm-up visit. DOM nodes counted then.
- **Cost Explorer**: \`readCosts\` against the counting fake (lib/collect/sources/aws/testing/fake-cost-explorer.ts,
  1,000 groups per page, 10–40 services per account, 3 tag keys), a full 14-month backfill and the incremental refresh.
- **Read load**: autocannon, 50 connections on loopback, round-robin over overview, costs by OU, costs by account,
  OU tree, KPIs and findings. autocannon reports p97.5, shown in place of p95.
`;

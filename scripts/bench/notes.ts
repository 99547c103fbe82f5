// The prose under the BENCHMARKS.md table: how each figure is measured, so a reader can trust it.
import { AWS_AUDIT_METHOD } from "./aws-audit";

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
  HTTP from the production server (the whole body read and its lines counted by the benchmark), against
  \`COPY (the same rows) TO STDOUT WITH (FORMAT csv, HEADER)\` streamed to the benchmark through pg-copy-streams; rows
  counted as lines without the header on both sides; a download's time runs from the request to its last byte, and a
  429 from the per-user export limit (10 a minute) is waited out untimed and the download retried. The chargeback store is emptied first
  (\`DELETE FROM chargeback_computed_month\`: as after any change to its inputs, nothing current is stored); one untimed-for-the-ratio pass downloads
  every month, each download computing the month's allocation and storing its lines (reported as "cold" in the JSON,
  \`export.coldChargeback\`); the timed pass then downloads every month again, reading the stored lines, and its
  COPY reads the same stored lines (\`chargeback_computed_line\` of the month, in order) as raw columns. The FOCUS COPY
  reads \`cost_monthly\` joined to \`account\` over the window. On both sides Postgres writes the CSV; the exports also
  neutralize formulas, format amounts and quote cells in SQL. Server memory is the summed VmRSS of the next-server
  process tree, sampled every 50 ms during all three passes, and the main process's VmHWM.
- **Showback**, continued: requests carry \`Cache-Control: no-cache\`, so every timed answer is computed (the server's
  per-data-version response cache is measured by the read load instead).
- **OU tree**: Chromium (playwright-core, /usr/bin/chromium) from navigation start until the first tree row is visible
  and ArrowDown moves focus to the next row; median of 3 after a warm-up visit. "Computed": before each visit the
  benchmark commits an empty transaction (\`SELECT pg_current_xact_id()\`), which retires the server's cached answers,
  so the tree is computed; "from the response cache": three more visits with nothing changed. DOM nodes counted then.
- **Cost Explorer**: \`readCosts\` against the counting fake (testing/aws/fake-cost-explorer.ts,
  1,000 groups per page, 10–40 services per account, 3 tag keys), a full 14-month backfill and the incremental refresh.
  Heap: live heap (after a full GC, \`--expose-gc\`) grown while the backfill's rows are held by \`readCosts\` (the in-memory
  read tests use; a collection run streams them, see "Collector memory").
- **Collector memory** (part of \`npm run bench\` at every size, in a process of its own started with \`--expose-gc\`;
  alone: \`npm run bench:collector-memory -- --accounts <n>\`, scripts/bench/collector-memory.ts): a full
  14-month backfill of the counting fake (1,000 groups per page, 3 tag keys, daily by account) through the run engine
  (\`runCollection\`): \`streamCosts\` stages every page into the UNLOGGED \`cost_staging\` table by \`COPY\` as it arrives, then
  the store transaction moves the staged rows into the cost tables in SQL, in a fresh embedded PostgreSQL. Evaluation
  is off (as in the Cost Explorer figure) and the organization tree is empty: what is measured is the cost rows' path.
  While the run goes, V8's used heap (\`v8.getHeapStatistics().used_heap_size\`) and \`process.memoryUsage().rss\` are sampled
  every 50 ms, and every 500 ms a full GC (\`--expose-gc\`) is forced and the used heap read again: the peak of those is the
  "peak live heap" against the 200 MB target; the 50 ms peak (garbage not yet collected included) and peak RSS are shown beside it.
- **Read load**: autocannon, 50 connections on loopback, round-robin over overview, costs by OU, costs by account,
  OU tree, KPIs and findings. autocannon reports p97.5, shown in place of p95. These routes answer from a per-process
  cache keyed by role, OU scope, URL and the database's newest finished transaction (lib/server/response-cache.ts), so
  the load measures what many people opening the same views cost; the first request of each kind is computed.
- **Per-request cost** (\`GET /api/v1/kpis\`, 300 sequential requests after 20 warm-ups, one signed-in admin): "server
  time" is the \`total\` of the \`Server-Timing\` header the route guard adds (lib/server/http/server-timing.ts), from
  the handler's first line until its Response is built; Next.js routing, HTTP parsing and the socket are outside it, so
  the loopback round trip is shown beside it. The spans split it into the session (cookie → next-auth session),
  the data-version query, the role bindings, the response-cache lookup, and (when computed) the handler and
  \`JSON.stringify\`. What the two caches save is measured, not estimated: 21 fresh demo sign-ins each send one request
  (their session span is next-auth's full decode, which every request paid before), and 20 requests each follow an
  empty committed transaction (their role span is the bindings read from the database, which every request paid
  before; their total is the answer computed). The profile came from these spans rather than \`--cpu-prof\`: on this
  shared 2-core machine a CPU profile of \`next start\` under load is dominated by the load generator and by other
  processes, while the spans time exactly the steps named in issue 16.
- **Growth** (\`--sizes 1000,5000,20000\`): the whole benchmark once per size, each in a fresh cluster, one build for
  all. Per figure, the slope of a least-squares line through log(accounts), log(figure) (scripts/bench/growth.ts):
  1 is linear, above 1.15 is flagged. Export figures are fitted on time (rows grow with accounts; a constant rate
  is linear time). The collector's peak heap is the collector-memory step's peak live heap at each size; the Cost
  Explorer backfill's held rows (the in-memory read, not what a run holds) are shown beside it.
${AWS_AUDIT_METHOD}

## Where targets are missed, and why

- **Showback by account, one month**: the answer is one row per account (5,000 groups, ~0.5 MB of JSON), so the API
  does about the work of the naive query (which reads ~110k rows of one month and returns 5,000) plus the grid, JSON
  and HTTP: the ratio stays near 1 even though p95 is around the 150 ms mark. Reading the per-account rollup made the
  SQL cheap; what remains is moving 5,000 groups through Postgres, the driver and JSON. A paged or top-N answer would
  meet the ratio; the page shows every account (virtualized), so it was left as is.
- **Per-request cost, what the profile showed and what was done**: before this change a cached answer paid, inside the
  handler, next-auth's full session decode (JWE decrypt, callbacks and a re-encrypted cookie that an App Router handler
  throws away; ~1.8 ms), a Prisma read of the role bindings (~1.5 ms) and the data-version query (~1.1 ms). Decoded
  sessions are now kept 10 s per cookie digest and the bindings once per data version (an admin's change applies
  from the next request; sign-out removes the cookie, so it is refused at once), and the version is read once per
  request for both. What remains is mostly the version query (the answer cache's correctness rests on it), and
  outside the handler Next.js's routing and HTTP: a single client's round trip is several times the server time.
- **Read load**: after the first request of each kind every answer comes from the response cache, so the load's
  latency is queueing in one Node process (the app) on 2 cores shared with autocannon, Postgres and, on this shared
  machine, other work: p97.5 follows the machine's load average far more than anything per request. Nothing was
  cut from the answers to meet it.
- **Chargeback CSV / FOCUS CSV / server memory**: see the figures of the last run. Since the exports are written by
  Postgres and streamed from \`COPY\` (no per-row work in Node, ~64 KB in flight per download), what remains between an
  export and its COPY is HTTP, the session check and the per-download setup (the audit row, the scope, the FOCUS
  export's per-account and per-service cells); a cold chargeback download still computes the month's allocation.
`;

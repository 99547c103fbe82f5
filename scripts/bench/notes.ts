// The prose under the BENCHMARKS.md table: how each figure is measured, so a reader can trust it.
import { AWS_AUDIT_METHOD } from "./aws-audit";

export const NOTES = `## How each figure is measured

- **Organization**: \`generateDemoSnapshot({ accounts, months: 14 })\` stored through \`loadDemo\` (the same run → snapshot →
  store pipeline as a real collection, findings and KPIs evaluated) into a fresh embedded PostgreSQL in \`.data/bench-pg/run-<pid>\`,
  deleted afterwards. The load time covers generation, storing and evaluation.
- **Showback**: \`GET /api/v1/costs?…&limit=200\` (the first page of groups, largest first, as the showback page asks; totals
  over every group) of a production build (\`next build\` into \`.next-bench\`, started with package.json's \`start\` command,
  scripts/bench/start-args.ts), signed in with the demo sign-in, 30 timed requests after 3 warm-ups. "Naive SQL" is the same aggregation written directly on the raw
  fact table \`cost_monthly\` (OU of the charge month from \`account_placement\`), run from the benchmark process against the
  same database. The ratio is API p50 / naive p50; it includes HTTP, the session check and JSON, which the SQL does not.
- **Exports**: the chargeback CSV (\`/api/v1/chargeback/export\`, one download per month for every month, as finance
  pulls them) and the FOCUS 1.2 CSV of every stored cost row over the whole window (\`/api/v1/chargeback/focus\`), over
  HTTP from the production server (node:http offering gzip, deflate and br as a browser does; the body decoded and
  its lines counted as it arrives, scripts/bench/download.ts), against
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
- **Read load**: autocannon, 50 connections on loopback, round-robin over overview, costs by OU, costs by account
  (every group, not paged), OU tree, KPIs and findings, each request sending \`Accept-Encoding: gzip, deflate, br\` as a
  browser does (answers of 1 KB or more come gzipped). autocannon reports p97.5, shown in place of p95. These routes answer from a per-process
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

The figures these paragraphs discuss are the table's; trial figures quoted here were measured on this machine while
the changes were made (\`npm run bench -- --sizes <n> --only <parts>\`), some with other work running, and are labelled so.

- **Showback**: the profile is the Server-Timing split above ("Where showback's time goes"): the SQL is nearly all of
  the server time; the session, role and version spans are under a millisecond each and Next.js/HTTP adds a fixed
  8–15 ms. Done: the totals row and the estimated periods come from the same SQL, rows are checked cheaply instead of
  parsed with zod in and out, and the API answers a page of groups (\`limit\`/\`offset\`, largest first, the totals,
  untagged share and group count over every group in scope) which the page asks for 200 at a time ("Show 200 more");
  the benchmark asks as the page does (\`limit=200\`) and the naive SQL still returns every group. By account for
  one month met the ratio in a trial at 5,000 accounts (0.22×, API p50 55 ms vs 247 ms). By OU over 14 months did
  not (0.24× at 5,000 in the same trial): its SQL sums the per-account monthly rollup of 14 months over the placement
  history (~276 ms at 5,000). Meeting 0.1× needs a rollup per (OU, month) kept at store time and on every move
  between OUs; it was not built in this round.
- **Per-request cost, what the profile showed and what was done**: before this change a cached answer paid, inside the
  handler, next-auth's full session decode (JWE decrypt, callbacks and a re-encrypted cookie that an App Router handler
  throws away; ~1.8 ms), a Prisma read of the role bindings (~1.5 ms) and the data-version query (~1.1 ms). Decoded
  sessions are now kept 10 s per cookie digest and the bindings once per data version (an admin's change applies
  from the next request; sign-out removes the cookie, so it is refused at once), and the version is read once per
  request for both. What remains is mostly the version query (the answer cache's correctness rests on it), and
  outside the handler Next.js's routing and HTTP: a single client's round trip is several times the server time.
- **Read load**: a CPU profile of \`next start\` under the load (scripts/bench/profile-load.ts, with
  scripts/bench/cpu-profile-preload.cjs) showed the time going to serializing each cached answer per response, to
  compressing large bodies, to one data-version query per request through a small pool, and to several identical
  computations when a cold or just-retired entry was asked for by many clients at once. Done: the cache keeps each
  answer as its JSON bytes; concurrent misses of one key share one computation (never across scopes, and a failed
  one is not shared); concurrent requests share one version query, and one started after a request asked is never
  reused for it (lib/server/fresh-single-flight.ts). Tried and withdrawn: keeping answers pre-gzipped. Next.js drops
  a route handler's \`Content-Encoding\` and compresses the body again, so browsers received them gzipped twice
  (this benchmark's OU tree step caught it; autocannon does not decode bodies). Next.js's compression therefore
  still runs per response for clients that accept gzip, as the load's clients do. What remains at 5,000 accounts is
  one Node process on 2 cores shared with autocannon and Postgres, compressing and sending larger answers (costs by
  account has 5,000 groups when not paged, the OU tree 5,000 accounts): the loaded queue, not one step, sets p97.5.
- **Chargeback CSV / FOCUS CSV**: the exports are written by Postgres and streamed from \`COPY\` (no per-row work
  in Node). Done: each month's chargeback lines store their finished CSV cells when they are stored (at computation
  and at close), so a download is one read of them (\`copyLines\` forwards whole tuples, header rewritten in place);
  FOCUS lines are built after a narrow sort, with the month, source and account cells computed once per key and hash
  joins (scripts/bench/profile-db.ts times the export SQL alone). Byte-for-byte identity with the previous export is
  tested (lib/server/chargeback/exports-identical.int.test.ts). What the profile showed for what remains: the chargeback
  download of one month is small (a few hundred to a few thousand lines), so its fixed costs (HTTP, the session, the
  audit row, the scope) weigh against a bare COPY of the same rows; the FOCUS export at 5,000 accounts spends about
  14 s in its SQL (a join and sort of every cost row with per-row text formatting, where the COPY reads raw columns)
  and the rest passing ~850 MB through Next.js's response stream. Until the run of 2026-12-03 (09:40–11:09 UTC) the
  benchmark downloaded with Node 20's fetch, whose parser, when its reader falls behind, concatenates every byte still
  buffered, copies it into the parser and unshifts the rest back on each resume (a CPU profile of the benchmark
  process showed two thirds of its time in undici's \`execute\`): at 20,000 accounts the server had sent the whole
  FOCUS file and sat idle while the benchmark re-copied it (942 s), and that run's FOCUS figures at every size are
  the client's. With node:http (scripts/bench/download.ts) a trial at 5,000 accounts
  (\`npm run bench -- --sizes 5000 --only export --skip-build\`) took 27.2 s, 58,072 rows/s vs COPY 208,956 (0.28).
- **Server memory**: the production start (\`npm run start\`, which the benchmark uses) no longer loads every route
  at start (\`experimental.preloadEntriesOnStart: false\`). A 256 MB cap on V8's old space was tried (trial peaks
  328 MB at 1,000 accounts, 476–520 MB at 5,000) and raised to 1 GB: running out of heap ends the server and every
  request in flight, and the chargeback allocation is computed in the server (RSS climbs from ~390 to ~520 MB over
  the cold pass at 5,000 while the FOCUS stream stays near 400 MB). What would meet 300 MB is computing the
  allocation in SQL or in a worker, not a tighter cap.
- **Member-account audits**: the profile is the call count per account and the CPU seconds of moto and the workers
  (logged per run). Done: each worker reads its own accounts' trail buckets (the coordinator only reads an
  organization trail's bucket, once), and the reads within one account go together (a bucket's four reads, the
  baseline controls, a trail's status and selectors, the credential report alongside the authorization details), so
  an account is a few round-trip chains of 50 ms instead of ~26 in a row. Two workers are at most as fast as moto,
  one Python process on the same 2 cores, can answer: its CPU seconds close to the phase's wall time mean the
  emulator sets the pace, not OrgLens. Two workers were as fast as one in one run (206 s vs 208 s) and slower in
  another (324 s vs 223 s, moto 247 s of CPU): the second worker's process and twice the requests in flight compete
  with moto for the same cores.
`;

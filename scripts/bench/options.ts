// `--sizes 1000,5000,20000` (or `--accounts 5000`): the organization sizes to run, smallest first.
export const MAX_ACCOUNTS = 50_000;

export function parseSizes(raw: string): number[] {
  const parts = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!parts.length)
    throw new Error("--sizes: give one or more account counts, e.g. 1000,5000,20000");
  const sizes = parts.map((p) => {
    const n = Number(p.replace(/_/g, ""));
    if (!Number.isInteger(n) || n < 1 || n > MAX_ACCOUNTS)
      throw new Error(
        `--sizes: "${p}" is not a whole number of accounts from 1 to ${MAX_ACCOUNTS}`,
      );
    return n;
  });
  return [...new Set(sizes)].sort((a, b) => a - b);
}

export const BENCH_PARTS = [
  "ce",
  "request-cost",
  "showback",
  "export",
  "ou-tree",
  "load",
  "collector-memory",
  "audit",
] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

/** `--only showback,export`: the parts to run; every part when absent. */
export function parseParts(raw: string | undefined): Set<BenchPart> {
  if (raw === undefined) return new Set(BENCH_PARTS);
  const parts = raw
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (!parts.length) throw new Error(`--only: give one or more of ${BENCH_PARTS.join(", ")}`);
  for (const p of parts)
    if (!(BENCH_PARTS as readonly string[]).includes(p))
      throw new Error(`--only: "${p}" is not a part; the parts are ${BENCH_PARTS.join(", ")}`);
  return new Set(parts as BenchPart[]);
}

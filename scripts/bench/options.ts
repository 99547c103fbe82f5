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

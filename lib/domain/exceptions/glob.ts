// Resource patterns of exception rules are globs, never regular expressions (a user's regex can take
// exponential time: ReDoS). `*` matches any run of characters (none included, `/` and `:` too), `?`
// exactly one character; everything else is literal and case-sensitive, and the whole resource must match.
export const MAX_PATTERN_LENGTH = 512;

/** Linear-memory wildcard match with single-star backtracking: O(pattern × text) at worst, never exponential. */
export function globMatches(pattern: string, text: string): boolean {
  let p = 0;
  let t = 0;
  let starP = -1;
  let starT = 0;
  while (t < text.length) {
    const pc = pattern[p];
    if (pc === "*") {
      starP = p++;
      starT = t;
    } else if (pc !== undefined && (pc === "?" || pc === text[t])) {
      p++;
      t++;
    } else if (starP >= 0) {
      p = starP + 1;
      t = ++starT;
    } else return false;
  }
  while (pattern[p] === "*") p++;
  return p === pattern.length;
}

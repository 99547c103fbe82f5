// Query-string helpers shared by the API schemas.

/** An empty query parameter (`?ou=`) counts as absent. */
export const blankToUndefined = (v: unknown) => (v === "" ? undefined : v);

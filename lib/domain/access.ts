// Who is asking, with what role and over which part of the organization. Plain data: the server
// resolves it (lib/server/http/caller.ts), every server function takes it, and nothing here does I/O.
export const ROLES = ["viewer", "analyst", "admin"] as const;
export type TRole = (typeof ROLES)[number];

export interface Scope {
  /** OU ids the principal may see (their subtrees); null = the whole organization. */
  ouIds: string[] | null;
}

export interface Principal {
  kind: "user" | "token";
  email: string;
  name: string | null;
  role: TRole;
  scope: Scope;
  /** API token id when kind is "token" (tokens are read-only). */
  tokenId?: string;
  /**
   * A signed-in user's IdP groups. A token they create keeps these, and every request made with it is
   * re-resolved from them against the current role bindings, so the token never outranks its creator.
   */
  groups?: readonly string[];
}

export const UNSCOPED: Scope = { ouIds: null };

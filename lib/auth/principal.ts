// Who is asking, with what role and over which part of the organization.
import type { TRole } from "./roles";

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
}

export const UNSCOPED: Scope = { ouIds: null };

export function isScoped(scope: Scope): scope is { ouIds: string[] } {
  return scope.ouIds !== null;
}

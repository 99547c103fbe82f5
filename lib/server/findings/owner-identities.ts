// Who "mine" means for a caller: their email and their IdP groups (a team name as owner), lower-cased.
import "server-only";
import type { Principal } from "@/lib/domain/access";

export function ownerIdentities(principal: Principal): string[] {
  const all = [principal.email, ...(principal.groups ?? [])].map((s) => s.trim().toLowerCase());
  return [...new Set(all.filter((s) => s !== ""))];
}

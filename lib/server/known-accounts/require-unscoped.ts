import "server-only";
import type { Principal } from "@/lib/domain/access";
import { forbidden } from "@/lib/errors";

export type TActor = Pick<Principal, "email" | "scope">;

/** The inventory spans the whole company, beyond any OU: only unscoped admins keep it. */
export function requireUnscoped(actor: TActor): void {
  if (actor.scope.ouIds)
    throw forbidden(
      "Known accounts cover the whole organization and beyond; an OU-scoped admin cannot see or change them.",
    );
}

// Shared between routes and client: API tokens, role bindings, audit events.
import { z } from "zod";

export const ZApiToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  ownerEmail: z.string(),
  role: z.string(),
  createdAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
/** `everyone`: the list holds every user's tokens (admins of the whole organization). */
export const ZApiTokenList = z.object({ everyone: z.boolean(), tokens: z.array(ZApiToken) });
export const ZCreatedToken = z.object({ id: z.string(), name: z.string(), prefix: z.string(), expiresAt: z.string(), secret: z.string() });

export const ZRoleBinding = z.object({ id: z.string(), group: z.string(), role: z.string(), ouIds: z.array(z.string()) });
export const ZRoleBindingList = z.object({ bindings: z.array(ZRoleBinding) });

export const ZAuditEvent = z.object({ id: z.number(), at: z.string(), actor: z.string(), action: z.string(), target: z.string().nullable(), detail: z.unknown() });
export const ZAuditPage = z.object({ events: z.array(ZAuditEvent), nextBefore: z.number().nullable() });


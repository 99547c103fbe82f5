// Shared between routes and client: API tokens, role bindings, audit events.
import { z } from "zod";
import { ROLES } from "@/lib/domain/access";

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
export const ZCreatedToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  expiresAt: z.string(),
  secret: z.string(),
});

export const ZRoleBinding = z.object({
  id: z.string(),
  group: z.string(),
  role: z.string(),
  ouIds: z.array(z.string()),
});
export const ZRoleBindingList = z.object({ bindings: z.array(ZRoleBinding) });

export const ZAuditEvent = z.object({
  id: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  target: z.string().nullable(),
  detail: z.unknown(),
});
export const ZAuditPage = z.object({
  events: z.array(ZAuditEvent),
  nextBefore: z.number().nullable(),
});

// Requests.
export const ZCreateToken = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(100),
  expiresInDays: z.number().int().min(1).max(365).default(90),
});
export type TCreateToken = z.infer<typeof ZCreateToken>;

export const ZRoleBindingInput = z.object({
  group: z.string().trim().min(1, "The IdP group name is required").max(200),
  role: z.enum(ROLES),
  ouIds: z.array(z.string().min(1)).default([]),
});
export type TRoleBindingInput = z.infer<typeof ZRoleBindingInput>;

export const ZAuditQuery = z.object({
  action: z.string().optional(),
  actor: z.string().optional(),
  before: z.coerce.number().int().positive().optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TAuditQuery = z.infer<typeof ZAuditQuery>;

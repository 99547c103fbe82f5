// Wire contracts for event ingestion: the ingest tokens (Settings → Event ingestion) and the
// EventBridge event envelope that POST /api/v1/events accepts.
import { z } from "zod";
import { ZJson } from "@/lib/domain/json";

export const ZIngestToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  revokedAt: z.string().nullable(),
  lastUsedAt: z.string().nullable(),
});
export const ZIngestTokenList = z.object({
  tokens: z.array(ZIngestToken),
  /** Events received in the last 24 hours, and the latest one's time. */
  received24h: z.number(),
  lastReceivedAt: z.string().nullable(),
});
export type TIngestTokenList = z.infer<typeof ZIngestTokenList>;
export const ZCreatedIngestToken = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  secret: z.string(),
});

export const ZCreateIngestToken = z.object({
  name: z.string().trim().min(1, "Give the token a name").max(100),
});
export type TCreateIngestToken = z.infer<typeof ZCreateIngestToken>;

/** EventBridge sends at most this many events per API-destination delivery when batching. */
export const MAX_EVENTS_PER_DELIVERY = 100;

const ZAccountId = z.string().regex(/^\d{12}$/, "must be a 12-digit AWS account id");

/**
 * The EventBridge envelope (version, id, detail-type, source, account, time, region, resources, detail).
 * The detail is checked per detail type when the event is applied; here it must be an object.
 */
export const ZEventBridgeEvent = z.object({
  version: z.string(),
  id: z.string().min(1).max(128),
  "detail-type": z.string().min(1).max(256),
  source: z.string().min(1).max(256),
  account: ZAccountId,
  time: z.iso.datetime({ offset: true }),
  region: z.string().min(1).max(64),
  resources: z.array(z.string()).default([]),
  detail: z.record(z.string(), ZJson.nullable()),
});
export type TEventBridgeEvent = z.infer<typeof ZEventBridgeEvent>;

export const ZIngestResult = z.object({
  accepted: z.number(),
  duplicates: z.number(),
});

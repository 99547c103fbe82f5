import "server-only";
import { NextResponse, type NextRequest } from "next/server";
import type { z } from "zod";
import {
  MAX_EVENTS_PER_DELIVERY,
  ZEventBridgeEvent,
  type TEventBridgeEvent,
} from "@/lib/api/events";
import type { Db } from "@/lib/db/client";
import { ZCloudTrailDetail, isCloudTrailDetailType } from "@/lib/domain/events/cloudtrail";
import { AppError } from "@/lib/errors";
import { logger } from "@/lib/log";
import { errorResponse } from "@/lib/server/http/route";
import { readJsonBody } from "@/lib/server/http/request-body";
import { processPendingEvents } from "@/lib/collect/events/process-pending-events";
import { verifyIngestToken } from "./verify-ingest-token";
import { nestsDeeperThan } from "@/lib/domain/json";

/** 100 events of typical CloudTrail size fit easily; EventBridge caps one event at 256 KB. */
export const EVENTS_BODY_LIMIT = 1024 * 1024;

export interface ReceiveDeps {
  db: Db;
  /** Runs the work after the answer is sent (Next's `after()` in the app). */
  defer: (task: () => Promise<unknown>) => void;
}

interface TIssue {
  path: string;
  message: string;
}

const issuesOf = (prefix: string, err: z.ZodError): TIssue[] =>
  err.issues.map((i) => ({
    path: [prefix, ...i.path.map(String)].filter(Boolean).join("."),
    message: i.message,
  }));

/** CloudTrail details nest a handful of levels (policy documents inside request parameters). */
const MAX_EVENT_DEPTH = 32;

function parseEvent(raw: unknown, at: string): TEventBridgeEvent {
  if (nestsDeeperThan(raw, MAX_EVENT_DEPTH))
    throw invalid([{ path: at, message: `nests deeper than ${MAX_EVENT_DEPTH} levels` }]);
  const env = ZEventBridgeEvent.safeParse(raw);
  if (!env.success) throw invalid(issuesOf(at, env.error));
  if (isCloudTrailDetailType(env.data["detail-type"])) {
    const detail = ZCloudTrailDetail.safeParse(env.data.detail);
    if (!detail.success) throw invalid(issuesOf(`${at}${at ? "." : ""}detail`, detail.error));
  }
  return env.data;
}

const invalid = (fields: TIssue[]) =>
  new AppError(
    "INVALID_EVENT",
    `Not an EventBridge event as AWS sends it: ${fields
      .slice(0, 3)
      .map((f) => `${f.path || "(event)"} ${f.message}`)
      .join("; ")}.`,
    { fields },
  );

/**
 * POST /api/v1/events: an ingest token only (no session, no API token); one event or an array of up
 * to 100. Stored keyed by event id (a redelivery is a no-op) and acknowledged at once; the events
 * are applied right after the answer, and a row left pending is picked up by the next delivery.
 */
export async function receiveEvents(req: NextRequest, deps: ReceiveDeps): Promise<Response> {
  try {
    const tokenId = await verifyIngestToken(deps.db, req.headers.get("authorization"));
    if (!tokenId)
      throw new AppError(
        "INGEST_TOKEN_INVALID",
        "A valid ingest token is required: Authorization: Bearer oli_… (Settings → Event ingestion).",
      );
    const body = await readJsonBody(req, EVENTS_BODY_LIMIT);
    const list = Array.isArray(body) ? body : [body];
    if (list.length > MAX_EVENTS_PER_DELIVERY)
      throw new AppError(
        "TOO_MANY_EVENTS",
        `At most ${MAX_EVENTS_PER_DELIVERY} events per request (got ${list.length}).`,
      );
    if (list.length === 0) throw invalid([{ path: "", message: "no events in the array" }]);
    const events = list.map((raw, i) => parseEvent(raw, Array.isArray(body) ? String(i) : ""));
    const { count } = await deps.db.ingestedEvent.createMany({
      data: events.map((e) => {
        const detail = ZCloudTrailDetail.safeParse(e.detail);
        return {
          id: e.id,
          tokenId,
          eventTime: new Date(detail.success ? detail.data.eventTime : e.time),
          source: e.source,
          detailType: e["detail-type"],
          eventName: detail.success ? detail.data.eventName : null,
          accountId: e.account,
          body: e,
        };
      }),
      skipDuplicates: true,
    });
    deps.defer(() =>
      processPendingEvents(deps.db, {
        warn: (message, err) => logger.warn({ err }, message),
      }).catch((err: unknown) =>
        logger.error({ err }, "applying ingested events failed; they stay pending"),
      ),
    );
    return NextResponse.json(
      { accepted: count, duplicates: events.length - count },
      { status: 202 },
    );
  } catch (err) {
    return errorResponse(err, req);
  }
}

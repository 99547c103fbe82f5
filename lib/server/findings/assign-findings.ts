// Give findings an owner, a due date and a ticket (or take them away), one or many at once.
import "server-only";
import { z } from "zod";
import type { Db } from "@/lib/db/client";
import { loadSettings } from "@/lib/db/settings";
import type { Principal } from "@/lib/domain/access";
import { SEVERITIES } from "@/lib/domain/checks/types";
import { resolveDueAt } from "@/lib/domain/findings/due-date";
import type { TAssignBody } from "@/lib/api/findings";
import { conflict, notFound } from "@/lib/errors";
import { recordAuditEvent } from "@/lib/server/audit/record-audit-event";
import { findingsWhere } from "./findings-where";

const ZRow = z.object({
  id: z.string(),
  severity: z.enum(SEVERITIES),
  status: z.string(),
  first_seen_at: z.date(),
  owner: z.string().nullable(),
});

/**
 * All or nothing: a single id the caller may not see (another OU's finding, or none at all) fails the
 * whole request as "not found", so a scoped user learns nothing and changes nothing outside their OUs.
 * Only open findings take an owner; any finding can be unassigned.
 */
export async function assignFindings(
  db: Db,
  principal: Principal,
  body: TAssignBody,
  now = new Date(),
): Promise<{ updated: number }> {
  const ids = [...new Set(body.ids)];
  const raw = await db.$queryRaw`
    SELECT f.id::text AS id, f.severity, f.status, f.first_seen_at, f.owner
    FROM finding f WHERE ${findingsWhere({ status: "all" }, principal.scope)} AND f.id = ANY(${ids}::uuid[])`;
  const rows = z.array(ZRow).parse(raw);
  if (rows.length !== ids.length)
    throw notFound(ids.length === 1 ? "No such finding." : "Some of these findings do not exist.");
  if (body.owner !== null && rows.some((r) => r.status !== "open"))
    throw conflict("Only open findings can be assigned.");

  const { findingDueDays } = await loadSettings(db);
  const kind = body.owner === null ? "unassigned" : "assigned";
  const changes = rows.map((r) => {
    const dueAt = resolveDueAt({
      owner: body.owner,
      explicit: body.dueAt,
      severity: r.severity,
      firstSeenAt: r.first_seen_at,
      dueDays: findingDueDays,
    });
    return {
      id: r.id,
      dueAt,
      detail: {
        owner: body.owner,
        previousOwner: r.owner,
        dueAt: dueAt?.toISOString() ?? null,
        dueDate: body.dueAt ? "explicit" : body.owner === null ? null : "default",
        ticketUrl: body.ticketUrl ?? null,
      },
    };
  });

  await db.$transaction(async (tx) => {
    for (const c of changes) {
      await tx.finding.update({
        where: { id: c.id },
        data: {
          owner: body.owner,
          dueAt: c.dueAt,
          ticketUrl: body.owner === null ? null : (body.ticketUrl ?? null),
          assignedAt: body.owner === null ? null : now,
          assignedBy: body.owner === null ? null : principal.email,
        },
      });
    }
    await tx.findingEvent.createMany({
      data: changes.map((c) => ({
        findingId: c.id,
        kind,
        at: now,
        actor: principal.email,
        detail: c.detail,
      })),
    });
    await recordAuditEvent(
      {
        actor: principal.email,
        action: body.owner === null ? "finding.unassign" : "finding.assign",
        target: ids.length === 1 ? (ids[0] ?? null) : null,
        detail: {
          ids,
          owner: body.owner,
          dueAt: body.dueAt?.toISOString() ?? null,
          ticketUrl: body.ticketUrl ?? null,
        },
      },
      tx,
    );
  });
  return { updated: changes.length };
}

// Shared between the findings routes and the client: filters, list, detail and mute shapes.
import { z } from "zod";
import { CATEGORIES, SEVERITIES } from "@/lib/domain/checks/types";
import { ZJson } from "@/lib/domain/json";
import { blankToUndefined } from "./query-params";

/**
 * open = open, not muted and not excepted (the default); muted = mute in force; excepted = an exception
 * rule covers it; stale = open but not re-audited.
 */
export const FINDING_STATUSES = ["open", "muted", "excepted", "stale", "resolved", "all"] as const;
export type TFindingStatus = (typeof FINDING_STATUSES)[number];

export const MAX_MUTE_DAYS = 365;
const DAY_MS = 86_400_000;

/** The filters, identical for the list, the counts and the CSV export. */
export const ZFindingFilters = z.object({
  check: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  category: z.preprocess(blankToUndefined, z.enum(CATEGORIES).optional()),
  severity: z.preprocess(blankToUndefined, z.enum(SEVERITIES).optional()),
  /** OU id: findings of the accounts (and OU-level findings) in its subtree. */
  ou: z.preprocess(blankToUndefined, z.string().max(100).optional()),
  account: z.preprocess(
    blankToUndefined,
    z
      .string()
      .regex(/^\d{12}$/, "An account id has 12 digits.")
      .optional(),
  ),
  status: z.preprocess(blankToUndefined, z.enum(FINDING_STATUSES).default("open")),
  /** "1": owned by the caller (their email or one of their IdP groups). */
  mine: z.preprocess(blankToUndefined, z.literal("1").optional()),
  /** "1": open, not muted and past its due date (whatever the status tab). */
  overdue: z.preprocess(blankToUndefined, z.literal("1").optional()),
});
export type TFindingFilters = z.infer<typeof ZFindingFilters>;

export const ZFindingsQuery = ZFindingFilters.extend({
  cursor: z.preprocess(blankToUndefined, z.string().max(200).optional()),
  limit: z.coerce.number().int().min(1).max(500).default(100),
});
export type TFindingsQuery = z.infer<typeof ZFindingsQuery>;

export const ZFindingRow = z.object({
  id: z.string(),
  checkId: z.string(),
  checkTitle: z.string(),
  category: z.string(),
  severity: z.enum(SEVERITIES),
  title: z.string(),
  message: z.string(),
  resource: z.string(),
  accountId: z.string().nullable(),
  accountName: z.string().nullable(),
  ouId: z.string().nullable(),
  ouName: z.string().nullable(),
  status: z.string(),
  stale: z.boolean(),
  firstSeenAt: z.string(),
  lastSeenAt: z.string(),
  resolvedAt: z.string().nullable(),
  mutedUntil: z.string().nullable(),
  muteReason: z.string().nullable(),
  mutedBy: z.string().nullable(),
  /** The exception rule that excepts this open finding, or null. */
  exception: z.object({ id: z.string(), name: z.string(), reason: z.string() }).nullable(),
  owner: z.string().nullable(),
  dueAt: z.string().nullable(),
  ticketUrl: z.string().nullable(),
  overdue: z.boolean(),
});
export type TFindingRow = z.infer<typeof ZFindingRow>;

const severityCounts = z.object({
  critical: z.number().int(),
  high: z.number().int(),
  medium: z.number().int(),
  low: z.number().int(),
  info: z.number().int(),
});

export const ZFindingsList = z.object({
  items: z.array(ZFindingRow),
  nextCursor: z.string().nullable(),
  /** Rows matching every filter (all pages). */
  total: z.number().int(),
  /** Open, unmuted findings by severity under the other filters (severity and status left out). */
  openBySeverity: severityCounts,
  /** Rows per status under the other filters (status left out). */
  byStatus: z.object({
    open: z.number().int(),
    muted: z.number().int(),
    excepted: z.number().int(),
    stale: z.number().int(),
    resolved: z.number().int(),
    all: z.number().int(),
  }),
});
export type TFindingsList = z.infer<typeof ZFindingsList>;

export const ZFindingEvent = z.object({
  id: z.string(),
  kind: z.string(),
  at: z.string(),
  actor: z.string().nullable(),
  detail: ZJson,
});

export const ZFindingDetail = ZFindingRow.extend({
  evidence: ZJson,
  ouPath: z.string().nullable(),
  remediation: z.string().nullable(),
  reopenedCount: z.number().int(),
  canMute: z.boolean(),
  events: z.array(ZFindingEvent),
});
export type TFindingDetail = z.infer<typeof ZFindingDetail>;

/** `until` is a date (end of that day, UTC) or a date-time, in the future and at most MAX_MUTE_DAYS ahead. */
export const ZMuteBody = z.object({
  reason: z
    .string()
    .trim()
    .min(3, "Say why this finding is accepted (at least 3 characters).")
    .max(1000),
  until: z
    .string()
    .transform((s, ctx) => {
      const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T23:59:59.999Z`) : new Date(s);
      if (Number.isNaN(d.getTime())) {
        ctx.addIssue({ code: "custom", message: "Not a date." });
        return z.NEVER;
      }
      return d;
    })
    .refine((d) => d.getTime() > Date.now(), "The expiry must be in the future.")
    .refine(
      (d) => d.getTime() <= Date.now() + (MAX_MUTE_DAYS + 1) * DAY_MS,
      `A mute lasts at most ${MAX_MUTE_DAYS} days.`,
    ),
});

export const MAX_OWNER_LENGTH = 200;
export const MAX_ASSIGN_BATCH = 500;

/** A date (end of that day, UTC) or a date-time. */
const ZDateInput = z.string().transform((s, ctx) => {
  const d = /^\d{4}-\d{2}-\d{2}$/.test(s) ? new Date(`${s}T23:59:59.999Z`) : new Date(s);
  if (Number.isNaN(d.getTime())) {
    ctx.addIssue({ code: "custom", message: "Not a date." });
    return z.NEVER;
  }
  return d;
});

/** Only http(s) links: a javascript:, data: or file: URL rendered as a link would run or leak. */
export const ZTicketUrl = z
  .string()
  .trim()
  .max(2000, "A ticket link has at most 2000 characters.")
  .refine((s) => {
    try {
      const u = new URL(s);
      return (u.protocol === "https:" || u.protocol === "http:") && u.hostname !== "";
    } catch {
      return false;
    }
  }, "The ticket link must be an http:// or https:// URL.")
  // Stored as the URL parser serializes it (spaces, quotes and angle brackets percent-encoded).
  .transform((s) => new URL(s).href);

/**
 * Assign (owner set) or unassign (owner null: due date and ticket cleared too) one or many findings.
 * Without `dueAt` the due date is the severity's default from settings, counted from when the finding
 * opened; `dueAt` overrides it.
 */
export const ZAssignBody = z
  .object({
    ids: z
      .array(z.uuid("Not a finding id."))
      .min(1, "Choose at least one finding.")
      .max(MAX_ASSIGN_BATCH, `At most ${MAX_ASSIGN_BATCH} findings at once.`),
    owner: z
      .string()
      .trim()
      .min(1, "Name an owner: an email or a team.")
      .max(MAX_OWNER_LENGTH, `An owner has at most ${MAX_OWNER_LENGTH} characters.`)
      .regex(/^[^\p{Cc}<>]+$/u, "An owner may not contain control characters or < >.")
      .nullable(),
    dueAt: z.preprocess(blankToUndefined, ZDateInput.nullable().optional()),
    ticketUrl: z.preprocess(blankToUndefined, ZTicketUrl.nullable().optional()),
  })
  .refine((b) => b.owner !== null || (b.dueAt == null && b.ticketUrl == null), {
    message: "Unassigning clears the due date and ticket; do not send them.",
    path: ["owner"],
  });
export type TAssignBody = z.infer<typeof ZAssignBody>;

export const ZAssignResult = z.object({ updated: z.number().int() });

/** URL search params for the filters (blank ones left out) — shared by the page, the API and the export link. */
export function filtersToSearch(
  f: Partial<Record<keyof TFindingFilters, string | undefined>>,
): URLSearchParams {
  const p = new URLSearchParams();
  for (const [k, v] of Object.entries(f)) if (v) p.set(k, v);
  return p;
}

/** What the filters offer: every check, and the OUs the caller may see. */
export interface FindingFilterOptions {
  checks: { id: string; title: string; category: string }[];
  ous: { id: string; path: string }[];
}

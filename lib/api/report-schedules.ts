// Request and response shapes of /api/v1/reports/schedules (Settings → Reports): weekly or monthly
// digests delivered through an alert channel, scoped to OUs.
import { z } from "zod";

export const REPORT_CADENCES = ["weekly", "monthly"] as const;
export const WEEKDAYS = [
  "Sunday",
  "Monday",
  "Tuesday",
  "Wednesday",
  "Thursday",
  "Friday",
  "Saturday",
] as const;

export const ZReportBody = z
  .object({
    name: z.string().trim().min(1, "Give the report a name.").max(100),
    cadence: z.enum(REPORT_CADENCES),
    /** Weekly: 0 (Sunday) to 6; ignored for monthly reports. */
    weekday: z.number().int().min(0).max(6).nullable().default(null),
    channelId: z.uuid("Choose a channel."),
    /** For an email channel: these recipients instead of the channel's (empty = the channel's). */
    recipients: z.array(z.email("Enter valid email addresses.")).max(50).default([]),
    /** Empty: the whole organization (admins over the whole organization only). */
    ouIds: z.array(z.string().min(1).max(100)).max(50).default([]),
    enabled: z.boolean().default(true),
  })
  .refine((r) => r.cadence !== "weekly" || r.weekday !== null, {
    path: ["weekday"],
    message: "Choose the weekday a weekly report is sent on.",
  });
export type TReportBody = z.infer<typeof ZReportBody>;

export const ZReportView = z.object({
  id: z.string(),
  name: z.string(),
  cadence: z.enum(REPORT_CADENCES),
  weekday: z.number().nullable(),
  channelId: z.string(),
  channelName: z.string(),
  channelType: z.string(),
  recipients: z.array(z.string()),
  ouIds: z.array(z.string()),
  scopeLabel: z.string(),
  enabled: z.boolean(),
  lastSentPeriod: z.string().nullable(),
  lastSentAt: z.string().nullable(),
  createdBy: z.string(),
});
export type TReportView = z.infer<typeof ZReportView>;

export const ZReportList = z.object({
  reports: z.array(ZReportView),
  channels: z.array(
    z.object({ id: z.string(), name: z.string(), type: z.string(), enabled: z.boolean() }),
  ),
  /** The OUs the caller may scope a report to. */
  ous: z.array(z.object({ id: z.string(), path: z.string() })),
  /** Whether the caller may save a report over the whole organization. */
  canScopeOrganization: z.boolean(),
});
export type TReportList = z.infer<typeof ZReportList>;

export const ZReportPreview = z.object({
  subject: z.string(),
  period: z.object({ key: z.string(), label: z.string(), start: z.string(), end: z.string() }),
  /** The email's HTML with its inline images as data: URIs (shown in a sandboxed iframe). */
  html: z.string(),
});
export type TReportPreview = z.infer<typeof ZReportPreview>;

export const ZReportSendResult = z.object({
  status: z.enum(["sent", "failed"]),
  error: z.string().nullable(),
  period: z.string(),
});
export type TReportSendResult = z.infer<typeof ZReportSendResult>;

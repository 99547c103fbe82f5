// Request and response shapes of /api/v1/alerts, shared by the routes and the settings page.
import { z } from "zod";
import { CHANNEL_TYPES } from "@/lib/alerts/channel-config";

export const ZChannelBody = z.object({
  name: z.string().trim().min(1).max(100),
  type: z.enum(CHANNEL_TYPES),
  enabled: z.boolean().default(true),
  config: z.record(z.string(), z.unknown()),
});
export type TChannelBody = z.infer<typeof ZChannelBody>;

export const ZRuleBody = z
  .object({
    channelId: z.uuid(),
    name: z.string().trim().min(1).max(100),
    checkIds: z.array(z.string().min(1)).default([]),
    categories: z.array(z.string().min(1)).default([]),
    severities: z.array(z.enum(["critical", "high", "medium", "low", "info"])).default([]),
    ouIds: z.array(z.string().min(1)).default([]),
    /** "anomalies": the rule alerts on new cost anomalies of at least these impacts, not on findings. */
    target: z.enum(["findings", "anomalies"]).optional(),
    anomalyMinImpactUsd: z.number().min(0, "At least 0.").max(1e9).optional(),
    anomalyMinPercent: z.number().min(0, "At least 0.").max(1e6).optional(),
  })
  .refine((r) => r.target !== "anomalies" || r.anomalyMinImpactUsd !== undefined, {
    path: ["anomalyMinImpactUsd"],
    message: "An anomaly rule needs a minimum impact in USD (0 for every anomaly).",
  });
export type TRuleBody = z.infer<typeof ZRuleBody>;

export const ZAlertRuleView = z.object({
  id: z.string(),
  channelId: z.string(),
  name: z.string(),
  checkIds: z.array(z.string()),
  categories: z.array(z.string()),
  severities: z.array(z.string()),
  ouIds: z.array(z.string()),
  enabled: z.boolean(),
  target: z.enum(["findings", "anomalies"]),
  /** Minimum impact of an anomaly in USD (a decimal string), anomaly rules only. */
  anomalyMinImpactUsd: z.string().nullable(),
  anomalyMinPercent: z.number().nullable(),
});
export type TAlertRuleView = z.infer<typeof ZAlertRuleView>;

export const ZAlertChannelView = z.object({
  id: z.string(),
  name: z.string(),
  type: z.string(),
  enabled: z.boolean(),
  config: z.record(z.string(), z.unknown()),
  rules: z.array(ZAlertRuleView),
});
export type TAlertChannelView = z.infer<typeof ZAlertChannelView>;

export const ZAlertDeliveryView = z.object({
  id: z.string(),
  channelName: z.string(),
  runId: z.string().nullable(),
  summary: z.string(),
  status: z.string(),
  attempts: z.number(),
  lastError: z.string().nullable(),
  createdAt: z.string(),
});

export const ZAlertSettings = z.object({
  channels: z.array(ZAlertChannelView),
  deliveries: z.array(ZAlertDeliveryView),
});
export type TAlertSettings = z.infer<typeof ZAlertSettings>;

export const ZTestResult = z.object({ status: z.enum(["sent", "failed"]) });

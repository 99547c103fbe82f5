// Shapes of /api/v1/settings/checks and /api/v1/runs/re-evaluate, shared by the routes and the
// Settings → Checks page. Every field validates like the setting it changes (ZSettings).
import { z } from "zod";
import { ZSettings, type TSettings } from "@/lib/domain/settings";
import { SETTING_GROUPS } from "@/lib/domain/settings-metadata";

export const ZSettingValue = z.union([
  z.string(),
  z.number(),
  z.array(z.string()),
  z.record(z.string(), z.string()),
  z.record(z.string(), z.number()),
  // What the form sends before the API validates it (a non-number left as text for its field error).
  z.record(z.string(), z.union([z.string(), z.number()])),
]);
export type TSettingValue = z.infer<typeof ZSettingValue>;

export const ZCheckSetting = z.object({
  key: z.string(),
  label: z.string(),
  meaning: z.string(),
  unit: z.string(),
  group: z.enum(SETTING_GROUPS),
  /** The value the next evaluation uses. */
  value: ZSettingValue,
  default: ZSettingValue,
  /** Whether a stored value replaces the default. */
  overridden: z.boolean(),
  updatedAt: z.string().nullable(),
  updatedBy: z.string().nullable(),
});
export type TCheckSetting = z.infer<typeof ZCheckSetting>;

export const ZCheckSettingsView = z.object({ settings: z.array(ZCheckSetting) });
export type TCheckSettingsView = z.infer<typeof ZCheckSettingsView>;

/** A field of the change: absent leaves the setting alone, null resets it to its default. */
const change = <T extends z.ZodType>(schema: T) => schema.nullable().optional();
const S = ZSettings.shape;
const shape = {
  costCenterTagKey: change(S.costCenterTagKey.unwrap().max(128)),
  environmentTagKey: change(S.environmentTagKey.unwrap().max(128)),
  environmentValueClasses: change(S.environmentValueClasses.unwrap()),
  requiredTagKeys: change(S.requiredTagKeys.unwrap().max(50)),
  keyMaxAgeDays: change(S.keyMaxAgeDays.unwrap().max(3650)),
  keyMaxUnusedDays: change(S.keyMaxUnusedDays.unwrap().max(3650)),
  staleUserDays: change(S.staleUserDays.unwrap().max(3650)),
  maxUntaggedShare: change(S.maxUntaggedShare.unwrap()),
  mgmtWorkloadSpendThreshold: change(S.mgmtWorkloadSpendThreshold.unwrap().max(1e9)),
  budgetVariancePercent: change(S.budgetVariancePercent.unwrap().max(1000)),
  envMixMinShare: change(S.envMixMinShare.unwrap()),
  identityAccountMaxWorkloadSpend: change(S.identityAccountMaxWorkloadSpend.unwrap().max(1e9)),
  securityHubMaxActiveHigh: change(S.securityHubMaxActiveHigh.unwrap().max(100000)),
  provisioningWindowDays: change(S.provisioningWindowDays.unwrap().max(3650)),
  keyUsageWindowDays: change(S.keyUsageWindowDays.unwrap()),
  dailyCostHistoryDays: change(S.dailyCostHistoryDays.unwrap()),
  lateCorrectionMonths: change(S.lateCorrectionMonths.unwrap()),
  rootRecentUseDays: change(S.rootRecentUseDays.unwrap().max(3650)),
  findingDueDays: change(S.findingDueDays.unwrap()),
  scpBaselineDeniedActions: change(
    S.scpBaselineDeniedActions
      .unwrap()
      .max(100)
      .refine(
        (actions) => actions.every((a) => /^[a-z0-9-]+:[A-Za-z0-9*]+$/.test(a)),
        'Each action is "service:Action", e.g. iam:CreateUser',
      ),
  ),
} satisfies Record<keyof TSettings, z.ZodType>;

/** PUT body: only the settings to change; unknown keys are refused. */
export const ZCheckSettingsChange = z.strictObject(shape);
export type TCheckSettingsChange = z.infer<typeof ZCheckSettingsChange>;

/** POST /api/v1/runs/re-evaluate answers with the finished run. */
export const ZReevaluation = z.object({
  id: z.string(),
  source: z.literal("re-evaluation"),
  status: z.string(),
  /** Findings opened, reopened and resolved by this re-evaluation. */
  opened: z.number().int(),
  reopened: z.number().int(),
  resolved: z.number().int(),
  error: z.string().nullable(),
});
export type TReevaluation = z.infer<typeof ZReevaluation>;

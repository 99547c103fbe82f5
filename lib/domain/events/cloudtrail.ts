// The CloudTrail record that EventBridge carries in `detail` ("AWS API Call via CloudTrail" and
// "AWS Service Event via CloudTrail"), reduced to what OrgLens acts on: who did what, where, and
// whether it succeeded. Field names follow the CloudTrail record contents.
import { z } from "zod";

export const CLOUDTRAIL_DETAIL_TYPES = [
  "AWS API Call via CloudTrail",
  "AWS Service Event via CloudTrail",
] as const;

const ZParams = z.record(z.string(), z.unknown()).nullish();

export const ZCloudTrailDetail = z.object({
  eventVersion: z.string().optional(),
  eventSource: z.string().min(1),
  eventName: z.string().min(1),
  eventTime: z.iso.datetime({ offset: true }),
  eventID: z.string().optional(),
  awsRegion: z.string().optional(),
  recipientAccountId: z
    .string()
    .regex(/^\d{12}$/)
    .optional(),
  userIdentity: z
    .object({
      type: z.string().optional(),
      arn: z.string().optional(),
      accountId: z.string().optional(),
      principalId: z.string().optional(),
      invokedBy: z.string().optional(),
    })
    .optional(),
  errorCode: z.string().optional(),
  errorMessage: z.string().optional(),
  requestParameters: ZParams,
  responseElements: ZParams,
  serviceEventDetails: ZParams,
});
export type TCloudTrailDetail = z.infer<typeof ZCloudTrailDetail>;

export function isCloudTrailDetailType(detailType: string): boolean {
  return (CLOUDTRAIL_DETAIL_TYPES as readonly string[]).includes(detailType);
}

/** Who made the call, as people read it: the principal's ARN, else its type and id, else the service. */
export function actorOf(d: TCloudTrailDetail): string {
  const u = d.userIdentity;
  if (u?.arn) return u.arn;
  if (u?.invokedBy) return u.invokedBy;
  if (u?.type) return u.principalId ? `${u.type}:${u.principalId}` : u.type;
  return d.eventSource;
}

/** A string field of a request/response object, or null. */
export function textAt(obj: unknown, ...path: string[]): string | null {
  let at: unknown = obj;
  for (const key of path) {
    if (typeof at !== "object" || at === null || Array.isArray(at)) return null;
    at = (at as Record<string, unknown>)[key];
  }
  return typeof at === "string" && at.length > 0 ? at : null;
}

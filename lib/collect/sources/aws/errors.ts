// How an AWS error affects a run: denied (the account is "failed" with the reason), unsupported
// (the endpoint does not implement the call: that piece is skipped and noted), or anything else.
import { z } from "zod";

const ZAwsError = z.object({
  name: z.string().optional(),
  Code: z.string().optional(),
  message: z.string().optional(),
  $metadata: z.object({ httpStatusCode: z.number().optional() }).optional(),
});

const DENIED = new Set([
  "AccessDenied",
  "AccessDeniedException",
  "UnauthorizedOperation",
  "UnauthorizedException",
  "AuthorizationError",
  "InvalidClientTokenId",
  "ExpiredToken",
  "ExpiredTokenException",
  "UnrecognizedClientException",
  "AWSOrganizationsNotInUseException",
]);

const UNSUPPORTED = new Set([
  "UnknownOperationException",
  "InvalidAction",
  "NotImplemented",
  "UnsupportedOperation",
  "UnsupportedOperationException",
]);

export function awsErrorName(err: unknown): string {
  const parsed = ZAwsError.safeParse(err);
  if (!parsed.success) return "Error";
  return parsed.data.name ?? parsed.data.Code ?? "Error";
}

export function describeAwsError(err: unknown): string {
  const parsed = ZAwsError.safeParse(err);
  const message = parsed.success ? (parsed.data.message ?? "") : String(err);
  const name = awsErrorName(err);
  const text = message.replace(/\s+/g, " ").trim();
  return text && text !== name ? `${name}: ${text}` : name;
}

export function isAccessDenied(err: unknown): boolean {
  const name = awsErrorName(err);
  if (DENIED.has(name)) return true;
  const parsed = ZAwsError.safeParse(err);
  return (
    parsed.success && /not authorized to perform|explicit deny/i.test(parsed.data.message ?? "")
  );
}

/**
 * An emulator (moto) answers calls it does not implement with an HTML page, which the SDK reports
 * as a deserialization error; real AWS answers unknown operations with UnknownOperationException.
 */
export function isNotSupported(err: unknown): boolean {
  const name = awsErrorName(err);
  if (UNSUPPORTED.has(name)) return true;
  const parsed = ZAwsError.safeParse(err);
  return (
    parsed.success &&
    name === "SyntaxError" &&
    /Deserialization error/.test(parsed.data.message ?? "")
  );
}

export function isNamed(err: unknown, ...names: string[]): boolean {
  return names.includes(awsErrorName(err));
}

/** Thrown inside an account audit to mark the whole account failed with a reason. */
export class AccountAuditError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "AccountAuditError";
  }
}

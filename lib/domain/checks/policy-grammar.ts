// IAM policy grammar as AWS accepts it: Statement as an object or an array, Action/NotAction and
// principals as a string or a list, wildcards in actions, condition keys compared case-insensitively.
import { z } from "zod";
import { ZPolicyDocument, type TPolicyDocument } from "@/lib/domain/snapshot";

const ZStringOrList = z
  .union([z.string(), z.array(z.string())])
  .transform((v) => (typeof v === "string" ? [v] : v));

const ZStatement = z.object({
  Sid: z.string().optional(),
  Effect: z.enum(["Allow", "Deny"]),
  Action: ZStringOrList.optional(),
  NotAction: ZStringOrList.optional(),
  Resource: ZStringOrList.optional(),
  NotResource: ZStringOrList.optional(),
  Principal: z.unknown().optional(),
  NotPrincipal: z.unknown().optional(),
  Condition: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
});
export type TStatement = z.infer<typeof ZStatement>;

/** The statements AWS would evaluate; a malformed one is skipped (AWS would have rejected it). */
export function statementsOf(doc: TPolicyDocument): TStatement[] {
  const raw = Array.isArray(doc.Statement) ? doc.Statement : [doc.Statement];
  return raw.flatMap((s) => {
    const parsed = ZStatement.safeParse(s);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Parses policy JSON text, URL-decoding it first when it comes straight from the IAM API. */
export function decodePolicyDocument(text: string): TPolicyDocument {
  const trimmed = text.trim();
  const json = trimmed.startsWith("{") ? trimmed : decodeURIComponent(trimmed);
  return ZPolicyDocument.parse(JSON.parse(json));
}

/** The SCP/IAM content as a policy document, or null when it is not one. */
export function parsePolicyContent(text: string): TPolicyDocument | null {
  try {
    return decodePolicyDocument(text);
  } catch {
    return null;
  }
}

const patternCache = new Map<string, RegExp>();

/** IAM action globbing: `*` any run of characters, `?` one; service prefix and name case-insensitive. */
export function actionMatches(pattern: string, action: string): boolean {
  let re = patternCache.get(pattern);
  if (!re) {
    const body = pattern
      .replace(/[.+^${}()|[\]\\]/g, "\\$&")
      .replace(/\*/g, ".*")
      .replace(/\?/g, ".");
    re = new RegExp(`^${body}$`, "i");
    patternCache.set(pattern, re);
  }
  return re.test(action);
}

/** Whether the statement's action element covers the action (Action matches, or NotAction does not). */
export function statementCoversAction(s: TStatement, action: string): boolean {
  if (s.Action) return s.Action.some((p) => actionMatches(p, action));
  if (s.NotAction) return !s.NotAction.some((p) => actionMatches(p, action));
  return false;
}

export interface TPrincipals {
  /** "*" or {AWS: "*"}: anyone. */
  anyone: boolean;
  aws: string[];
  service: string[];
  federated: string[];
}

const ZPrincipalValues = ZStringOrList.optional();

export function principalsOf(principal: unknown): TPrincipals {
  const out: TPrincipals = { anyone: false, aws: [], service: [], federated: [] };
  if (principal === "*") return { ...out, anyone: true };
  const parsed = z.record(z.string(), z.unknown()).safeParse(principal);
  if (!parsed.success) return out;
  for (const [key, value] of Object.entries(parsed.data)) {
    const values = ZPrincipalValues.safeParse(value);
    const list = values.success ? (values.data ?? []) : [];
    const k = key.toLowerCase();
    if (k === "aws") out.aws.push(...list);
    else if (k === "service") out.service.push(...list);
    else if (k === "federated") out.federated.push(...list);
  }
  if (out.aws.includes("*")) out.anyone = true;
  return out;
}

const ACCOUNT_IN_ARN = /^arn:aws[a-z-]*:(?:iam|sts)::(\d{12}):/;

/** The account a principal belongs to: a bare 12-digit id or the account field of an IAM/STS ARN. */
export function accountOfPrincipal(principal: string): string | null {
  const p = principal.trim();
  if (/^\d{12}$/.test(p)) return p;
  return ACCOUNT_IN_ARN.exec(p)?.[1] ?? null;
}

/** Condition values by lower-cased key, across every operator (StringEquals, ForAnyValue:StringLike …). */
export function conditionValues(s: TStatement): Map<string, string[]> {
  const out = new Map<string, string[]>();
  for (const byKey of Object.values(s.Condition ?? {})) {
    for (const [key, value] of Object.entries(byKey)) {
      const parsed = ZStringOrList.safeParse(value);
      const list = parsed.success ? parsed.data : [];
      out.set(key.toLowerCase(), [...(out.get(key.toLowerCase()) ?? []), ...list]);
    }
  }
  return out;
}

export interface TConditionEntry {
  /** As written: "StringNotEqualsIfExists", "ForAnyValue:StringLike" … */
  operator: string;
  /** Lower-cased condition key. */
  key: string;
  values: string[];
  /** StringNotEquals, ArnNotLike …: true when the value does NOT match. */
  negated: boolean;
  /** …IfExists: true when the key is absent, so it never binds a caller that lacks the key. */
  ifExists: boolean;
  /** ForAllValues: true when the key is absent. */
  forAllValues: boolean;
}

const ZConditionValues = z.union([
  z.string(),
  z.boolean(),
  z.number(),
  z.array(z.union([z.string(), z.boolean(), z.number()])),
]);

/** Every (operator, key, values) of the statement's Condition block. */
export function conditionEntries(s: TStatement): TConditionEntry[] {
  const out: TConditionEntry[] = [];
  for (const [operator, byKey] of Object.entries(s.Condition ?? {})) {
    const base = operator.replace(/^For(Any|All)Values:/i, "");
    for (const [key, value] of Object.entries(byKey)) {
      const parsed = ZConditionValues.safeParse(value);
      const values = parsed.success
        ? (Array.isArray(parsed.data) ? parsed.data : [parsed.data]).map(String)
        : [];
      out.push({
        operator,
        key: key.toLowerCase(),
        values,
        negated: /Not(Equals|Like|IpAddress)/i.test(base),
        ifExists: /IfExists$/i.test(base),
        forAllValues: /^ForAllValues:/i.test(operator),
      });
    }
  }
  return out;
}

/**
 * Whether the entry restricts callers to its values: a positive string or ARN comparison that fails
 * when the key is missing (not …IfExists, not ForAllValues, not a negation).
 */
export function isBindingMatch(e: TConditionEntry): boolean {
  return (
    !e.negated &&
    !e.ifExists &&
    !e.forAllValues &&
    /^(String(Equals|EqualsIgnoreCase|Like)|Arn(Equals|Like))$/i.test(
      e.operator.replace(/^ForAnyValue:/i, ""),
    )
  );
}

// The YAML form of exception rules, so they can live in a repository: parsed with line and field
// errors for every bad rule (nothing is imported unless all are valid), and written back in the same
// shape (export → import gives the identical rules).
import "server-only";
import { isMap, isNode, isScalar, isSeq, LineCounter, parseDocument, stringify } from "yaml";
import {
  ZExceptionRuleInput,
  type TExceptionRuleInput,
  type TYamlError,
} from "@/lib/api/exception-rules";

export const YAML_VERSION = 1;

/** YAML key → input field: short keys read well in a repository. */
const FIELD_OF_KEY = {
  name: "name",
  check: "checkId",
  account: "accountId",
  ou: "ouId",
  resource: "resourcePattern",
  reason: "reason",
  owner: "owner",
  expires: "expiresAt",
  review: "reviewAt",
} as const satisfies Record<string, keyof TExceptionRuleInput>;
type TYamlKey = keyof typeof FIELD_OF_KEY;
const KEY_OF_FIELD = {
  name: "name",
  checkId: "check",
  accountId: "account",
  ouId: "ou",
  resourcePattern: "resource",
  reason: "reason",
  owner: "owner",
  expiresAt: "expires",
  reviewAt: "review",
} as const satisfies Record<keyof TExceptionRuleInput, TYamlKey>;
const isField = (f: unknown): f is keyof typeof KEY_OF_FIELD =>
  typeof f === "string" && f in KEY_OF_FIELD;
const isYamlKey = (k: unknown): k is TYamlKey => typeof k === "string" && k in FIELD_OF_KEY;

export type TParsedRules =
  /** `lines[i]`: where rule i starts in the file, for errors found later (target, name taken). */
  | { ok: true; rules: TExceptionRuleInput[]; lines: (number | null)[] }
  | { ok: false; errors: TYamlError[] };

export function parseRulesYaml(text: string): TParsedRules {
  const lineCounter = new LineCounter();
  // The failsafe schema reads every scalar as a string: an account id keeps its leading zeros and a
  // day stays a day.
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, schema: "failsafe" });
  const lineAt = (node: unknown): number | null =>
    isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : null;
  const json = (node: unknown): unknown => (isNode(node) ? node.toJSON() : node);
  const errors: TYamlError[] = [];
  if (doc.errors.length) {
    return {
      ok: false,
      errors: doc.errors.map((e) => ({
        line: e.linePos?.[0].line ?? null,
        rule: null,
        field: null,
        message: e.message.split("\n")[0] ?? e.message,
      })),
    };
  }
  const root = doc.contents;
  if (!isMap(root))
    return {
      ok: false,
      errors: [{ line: 1, rule: null, field: null, message: "Expected `version` and `rules`." }],
    };
  const version: unknown = doc.get("version");
  if (version !== String(YAML_VERSION))
    errors.push({
      line: lineAt(root.items.find((p) => p.key && String(p.key) === "version")?.value),
      rule: null,
      field: "version",
      message: `Expected version: ${YAML_VERSION}.`,
    });
  const seq = doc.get("rules", true);
  if (!isSeq(seq) && !isEmptyScalar(seq)) {
    errors.push({
      line: lineAt(root),
      rule: null,
      field: "rules",
      message: "Expected a list of rules.",
    });
    return { ok: false, errors };
  }
  const rules: TExceptionRuleInput[] = [];
  const lines: (number | null)[] = [];
  const seen = new Map<string, number | null>();
  for (const item of isSeq(seq) ? seq.items : []) {
    const line = lineAt(item);
    if (!isMap(item)) {
      errors.push({ line, rule: null, field: null, message: "A rule is a mapping of keys." });
      continue;
    }
    const raw: Record<string, unknown> = {};
    const keyLine = new Map<string, number | null>();
    for (const pair of item.items) {
      const key = json(pair.key);
      if (!isYamlKey(key)) {
        errors.push({
          line: lineAt(pair.key),
          rule: null,
          field: String(key),
          message: `Unknown key "${String(key)}" (known: ${Object.keys(FIELD_OF_KEY).join(", ")}).`,
        });
        continue;
      }
      raw[FIELD_OF_KEY[key]] = json(pair.value);
      keyLine.set(FIELD_OF_KEY[key], lineAt(pair.key));
    }
    const name = typeof raw.name === "string" ? raw.name : null;
    const parsed = ZExceptionRuleInput.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        const field = issue.path[0];
        const yamlKey = isField(field) ? KEY_OF_FIELD[field] : null;
        errors.push({
          line: (typeof field === "string" ? keyLine.get(field) : undefined) ?? line,
          rule: name,
          field: yamlKey,
          message: issue.message,
        });
      }
      continue;
    }
    const earlier = seen.get(parsed.data.name);
    if (earlier !== undefined) {
      errors.push({
        line: keyLine.get("name") ?? line,
        rule: parsed.data.name,
        field: "name",
        message: `The name is used twice (first on line ${earlier ?? "?"}).`,
      });
      continue;
    }
    seen.set(parsed.data.name, keyLine.get("name") ?? line);
    rules.push(parsed.data);
    lines.push(line);
  }
  return errors.length ? { ok: false, errors } : { ok: true, rules, lines };
}

/** `rules:` with nothing after it: no rules. */
function isEmptyScalar(node: unknown): boolean {
  return isScalar(node) && (node.value === "" || node.value === null);
}

/** Midnight UTC is written as a day; any other instant in full. */
function dateText(d: Date | null): string | undefined {
  if (d === null) return undefined;
  const iso = d.toISOString();
  return iso.endsWith("T00:00:00.000Z") ? iso.slice(0, 10) : iso;
}

export function stringifyRulesYaml(rules: readonly TExceptionRuleInput[]): string {
  const body = {
    version: YAML_VERSION,
    rules: rules.map((r) => {
      const out: Partial<Record<TYamlKey, string>> = { name: r.name, check: r.checkId };
      if (r.accountId !== null) out.account = r.accountId;
      if (r.ouId !== null) out.ou = r.ouId;
      if (r.resourcePattern !== null) out.resource = r.resourcePattern;
      out.reason = r.reason;
      out.owner = r.owner;
      const expires = dateText(r.expiresAt);
      const review = dateText(r.reviewAt);
      if (expires) out.expires = expires;
      if (review) out.review = review;
      return out;
    }),
  };
  const header =
    "# OrgLens exception rules (docs/exceptions.md). Import replaces the rules you manage with this list.\n";
  return header + stringify(body, { lineWidth: 0 });
}

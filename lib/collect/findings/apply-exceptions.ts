// Links every open finding to the exception rule that excepts it now (or to none), with an `excepted`
// / `unexcepted` event for each change. Run at every evaluation and right after a rule is created,
// changed, deleted or imported, so a rule's effect (and its lapse at expiry) shows without waiting for
// a collection. Excepted findings stay recorded and listed; the counts, KPIs and alerts skip them.
import type { Prisma } from "@/lib/generated/prisma/client";
import { exceptingRule, sortRules, type TExceptableFinding } from "@/lib/domain/exceptions/match";

export interface TApplyExceptionsContext {
  now: Date;
  /** The collection run that applied them, or null when a person changed the rules. */
  runId: string | null;
  /** Who changed the rules, or null for a run. */
  actor: string | null;
  /** Rules about to be deleted: applied as if already gone (their findings' events still name them). */
  without?: ReadonlySet<string>;
}

export interface TApplyExceptionsResult {
  excepted: number;
  unexcepted: number;
}

const CHUNK = 5_000;

export async function applyExceptionRules(
  tx: Prisma.TransactionClient,
  ctx: TApplyExceptionsContext,
): Promise<TApplyExceptionsResult> {
  const all = await tx.exceptionRule.findMany({
    select: {
      id: true,
      name: true,
      checkId: true,
      accountId: true,
      ouId: true,
      resourcePattern: true,
      expiresAt: true,
    },
  });
  const nameOf = new Map(all.map((r) => [r.id, r.name]));
  const rules = sortRules(all.filter((r) => !ctx.without?.has(r.id)));
  // A finding that is no longer open keeps nothing to except.
  await tx.finding.updateMany({
    where: { status: { not: "open" }, exceptionRuleId: { not: null } },
    data: { exceptionRuleId: null },
  });
  const findings = await tx.finding.findMany({
    where: rules.length ? { status: "open" } : { status: "open", exceptionRuleId: { not: null } },
    select: {
      id: true,
      checkId: true,
      accountId: true,
      ouId: true,
      resource: true,
      exceptionRuleId: true,
    },
  });
  const needsOus = rules.some((r) => r.ouId !== null);
  const accountOus = needsOus
    ? await tx.account.findMany({ select: { id: true, ou: { select: { pathIds: true } } } })
    : [];
  const ous = needsOus ? await tx.orgUnit.findMany({ select: { id: true, pathIds: true } }) : [];
  const pathOfAccount = new Map(accountOus.map((a) => [a.id, a.ou.pathIds]));
  const pathOfOu = new Map(ous.map((o) => [o.id, o.pathIds]));
  const ancestry = (f: TExceptableFinding): readonly string[] =>
    (f.accountId !== null
      ? pathOfAccount.get(f.accountId)
      : f.ouId !== null
        ? pathOfOu.get(f.ouId)
        : undefined) ?? [];

  const changes: { id: string; from: string | null; to: string | null }[] = [];
  for (const f of findings) {
    const to = exceptingRule(rules, f, ancestry, ctx.now)?.id ?? null;
    if (to !== f.exceptionRuleId) changes.push({ id: f.id, from: f.exceptionRuleId, to });
  }

  for (let i = 0; i < changes.length; i += CHUNK) {
    const part = changes.slice(i, i + CHUNK);
    await tx.$executeRaw`
      UPDATE finding AS f SET exception_rule_id = v.rule_id
      FROM unnest(${part.map((c) => c.id)}::uuid[], ${part.map((c) => c.to)}::uuid[]) AS v(id, rule_id)
      WHERE f.id = v.id`;
    // A change of rule is the old one's end and the new one's start: both in the history.
    const events = part.flatMap((c) => [
      ...(c.from !== null
        ? [{ findingId: c.id, kind: "unexcepted", ruleId: c.from, ruleName: nameOf.get(c.from) }]
        : []),
      ...(c.to !== null
        ? [{ findingId: c.id, kind: "excepted", ruleId: c.to, ruleName: nameOf.get(c.to) }]
        : []),
    ]);
    await tx.findingEvent.createMany({
      data: events.map((e) => ({
        findingId: e.findingId,
        runId: ctx.runId,
        kind: e.kind,
        at: ctx.now,
        actor: ctx.actor,
        // A deleted rule's name is gone from the table: the event keeps the id.
        detail: { ruleId: e.ruleId, ruleName: e.ruleName ?? null },
      })),
    });
  }
  return {
    excepted: changes.filter((c) => c.to !== null).length,
    unexcepted: changes.filter((c) => c.from !== null && c.to === null).length,
  };
}

// Workload and sandbox accounts: one prod/dev/test trio per application, sandboxes per person.
import type { AccountRegistry, AccountSpec, Env, SpecDraft } from "./spec";
import { FIXED_ACCOUNT_IDS, OU_IDS, ROOT_ID } from "./ids";
import { appName, personEmail } from "./names";
import { BUSINESS_UNITS, SANDBOX_COST_CENTER, type BusinessUnit, type OrgLayout } from "./org";
import { DAY_MS, MINUTE_MS } from "./time";

/** The units whose first application (fixed accounts) carries planted violations. */
export const FIXED_UNITS = 4;
const FIXED_UNIT_AGE_DAYS: readonly number[] = [1830, 1510, 1640, 1220];

export function unitBySlug(slug: string): BusinessUnit {
  const unit = BUSINESS_UNITS.find((b) => b.slug === slug);
  if (!unit) throw new Error(`unknown business unit ${slug}`);
  return unit;
}

export function workloadDraft(
  layout: OrgLayout,
  bu: BusinessUnit,
  name: string,
  env: Env,
  joinedAt: number,
  size: number,
  owner: string,
): SpecDraft {
  return {
    name,
    status: "ACTIVE",
    joinedMethod: "CREATED",
    joinedAt,
    suspendedAt: null,
    parentId: layout.workloadParent(bu.slug, env === "prod" ? "prod" : "sdlc"),
    history: [],
    role: "workload",
    env,
    bu,
    project: name.slice(0, name.lastIndexOf("-")),
    owner,
    costCenter: bu.costCenter,
    size,
  };
}

/** The first application of each unit is named after it ("payments-prod"); later ones are not. */
export function addWorkloads(
  reg: AccountRegistry,
  layout: OrgLayout,
  units: readonly BusinessUnit[],
  groups: number,
): void {
  const rng = reg.rng;
  const appsPerUnit = new Map<string, number>();
  const weightSum = units.reduce((sum, u) => sum + u.weight, 0);
  for (let g = 0; g < groups; g++) {
    let bu = units[g];
    let app = bu?.slug ?? "";
    if (bu === undefined) {
      let r = rng.next() * weightSum;
      bu = units.find((u) => (r -= u.weight) < 0) ?? unitBySlug("payments");
      const n = (appsPerUnit.get(bu.slug) ?? 0) + 1;
      appsPerUnit.set(bu.slug, n);
      app = appName(bu.slug, n, bu.costCenter.charCodeAt(6));
    }
    // Younger accounts are more common: the org grew over time.
    const age = FIXED_UNIT_AGE_DAYS[g] ?? 20 + 2000 * Math.pow(rng.next(), 1.8);
    const invited = g >= FIXED_UNITS && age > 1300 && rng.chance(0.35);
    const owner = personEmail(reg.person());
    const prodSize = rng.logUniform(2500, 60000) * bu.scale;
    let joinedAt = reg.ago(age);
    const trio: [Env, number][] = [
      ["prod", prodSize],
      ["dev", prodSize * rng.range(0.15, 0.4)],
      ["test", prodSize * rng.range(0.06, 0.25)],
    ];
    for (const [env, size] of trio) {
      const spec = reg.add(workloadDraft(layout, bu, `${app}-${env}`, env, joinedAt, size, owner));
      joinedAt += rng.int(4, 15) * MINUTE_MS;
      if (invited) {
        // Invited accounts land at the root and are moved to their OU a few days later.
        spec.joinedMethod = "INVITED";
        const movedAt = spec.joinedAt + rng.int(1, 6) * DAY_MS;
        spec.history = [{ parentId: ROOT_ID, from: spec.joinedAt, to: movedAt }];
      }
    }
  }
}

export function addSandboxes(reg: AccountRegistry, count: number): void {
  for (let i = 0; i < count; i++) {
    const round = Math.floor(i / reg.peopleCount);
    const p = reg.person();
    reg.add({
      name: `sandbox-${p.first}-${p.last}${round > 0 ? `-${round + 1}` : ""}`,
      status: "ACTIVE",
      joinedMethod: "CREATED",
      joinedAt: reg.ago(10 + 1100 * Math.pow(reg.rng.next(), 1.3)),
      suspendedAt: null,
      parentId: OU_IDS.sandbox,
      history: [],
      role: "sandbox",
      env: "sandbox",
      bu: null,
      project: "sandbox",
      owner: personEmail(p),
      costCenter: SANDBOX_COST_CENTER,
      size: reg.rng.logUniform(15, 900),
    });
  }
}

/** Some dev accounts started life as sandboxes and were moved into SDLC later. */
export function graduateFromSandbox(reg: AccountRegistry, howMany: number): void {
  const { rng, now } = reg;
  const fixed = new Set(Object.values(FIXED_ACCOUNT_IDS));
  const candidates = reg.specs.filter(
    (s: AccountSpec) =>
      s.env === "dev" &&
      s.status === "ACTIVE" &&
      s.joinedMethod === "CREATED" &&
      !fixed.has(s.id) &&
      now - s.joinedAt > 200 * DAY_MS,
  );
  rng
    .shuffled(candidates)
    .slice(0, howMany)
    .forEach((spec, i) => {
      // The first move is pinned at ~5 months ago so every demo shows a recent re-placement.
      const movedAt =
        i === 0 ? now - 152 * DAY_MS : rng.range(spec.joinedAt + 30 * DAY_MS, now - 30 * DAY_MS);
      spec.history = [{ parentId: OU_IDS.sandbox, from: spec.joinedAt, to: Math.round(movedAt) }];
    });
}

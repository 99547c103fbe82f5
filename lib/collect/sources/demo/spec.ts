// The generator's internal model of an account, richer than the snapshot's (role, business
// unit, spend size), and the registry that hands out ids, people and join dates.
import type { BusinessUnit } from "./org";
import { DOMAIN, FIXED_ACCOUNT_IDS, OUTSIDE } from "./ids";
import { peoplePool, type Person } from "./names";
import { Rng } from "./rng";
import { DAY_MS, MINUTE_MS } from "./time";

export type Role =
  | "management"
  | "log-archive"
  | "security-tooling"
  | "identity"
  | "shared-network"
  | "shared-services"
  | "legacy"
  | "policy-staging"
  | "workload"
  | "sandbox";
export type Env = "prod" | "dev" | "test" | "sandbox" | "shared";

export interface PastPlacement {
  parentId: string;
  from: number;
  to: number;
}

export interface AccountSpec {
  id: string;
  name: string;
  email: string;
  status: "ACTIVE" | "SUSPENDED";
  joinedMethod: "INVITED" | "CREATED";
  joinedAt: number;
  suspendedAt: number | null;
  parentId: string;
  /** Earlier, closed placements, oldest first. */
  history: PastPlacement[];
  tags: Record<string, string>;
  role: Role;
  env: Env;
  bu: BusinessUnit | null;
  project: string;
  owner: string;
  costCenter: string;
  /** Monthly spend in USD at `now`, before trend, seasonality and noise. */
  size: number;
}

/** Everything but what the registry derives. */
export type SpecDraft = Omit<AccountSpec, "id" | "email" | "tags">;

export class AccountRegistry {
  readonly specs: AccountSpec[] = [];
  readonly rng: Rng;
  private readonly people: Person[];
  private nextPerson = 0;
  private readonly usedIds = new Set([
    ...Object.values(FIXED_ACCOUNT_IDS),
    OUTSIDE.unknownPartner,
    OUTSIDE.monitoringVendor,
  ]);

  constructor(
    seed: number,
    readonly now: number,
  ) {
    this.rng = new Rng(seed, "accounts");
    this.people = peoplePool(this.rng);
  }

  /** The next person from a shuffled pool; the pool repeats once exhausted. */
  person(): Person {
    return this.people[this.nextPerson++ % this.people.length] ?? { first: "alex", last: "doe" };
  }

  get peopleCount(): number {
    return this.people.length;
  }

  /** A moment `days` before now, at a random time of day. */
  ago(days: number): number {
    return this.now - Math.round(days * DAY_MS) - this.rng.int(0, 600) * MINUTE_MS;
  }

  add(draft: SpecDraft): AccountSpec {
    const tags = {
      owner: draft.owner,
      project: draft.project,
      "cost-center": draft.costCenter,
      environment: draft.env,
    };
    const spec: AccountSpec = {
      ...draft,
      id: this.idFor(draft.name),
      email: `aws+${draft.name}@${DOMAIN}`,
      tags,
    };
    this.specs.push(spec);
    return spec;
  }

  private idFor(name: string): string {
    const fixed = FIXED_ACCOUNT_IDS[name];
    if (fixed !== undefined) return fixed;
    for (;;) {
      const id = `${this.rng.int(100000, 999999)}${String(this.rng.int(0, 999999)).padStart(6, "0")}`;
      if (!this.usedIds.has(id)) {
        this.usedIds.add(id);
        return id;
      }
    }
  }
}

// Vocabulary for seeded names: people (sandbox and workload owners) and application names.
import type { Rng } from "./rng";
import { DOMAIN } from "./ids";

// prettier-ignore
const FIRST_NAMES = [
  "maria", "james", "priya", "wei", "fatima", "lucas", "aisha", "noah", "sofia", "kenji", "olivia",
  "mateo", "amara", "liam", "yuki", "elena", "omar", "chloe", "arjun", "ingrid", "diego", "hannah",
  "tariq", "mei", "samuel", "leila", "jonas", "grace", "ravi", "nadia", "felix", "zara", "hugo",
  "anya", "marcus", "ines", "tomas", "keiko", "daniel", "sara",
];

// prettier-ignore
const LAST_NAMES = [
  "garcia", "smith", "shah", "zhang", "khan", "silva", "okafor", "mueller", "rossi", "tanaka",
  "johnson", "lopez", "mensah", "brown", "sato", "petrova", "haddad", "martin", "patel", "larsen",
  "fernandez", "cohen", "rahman", "chen", "adeyemi", "nasser", "berg", "kim", "iyer", "novak",
  "weber", "hussain", "dubois", "volkova", "reid", "costa", "horvat", "ito", "murphy", "lindqvist",
];

/** Component names that become `<bu>-<app>-<env>` accounts in large orgs. */
// prettier-ignore
const APP_WORDS = [
  "ledger", "gateway", "wallet", "risk", "settlement", "orders", "inventory", "pricing", "profile",
  "sessions", "tokens", "consent", "ingest", "lake", "warehouse", "streaming", "feeds",
  "recommendations", "media", "push", "web", "api", "backoffice", "reporting", "scheduler",
  "routing", "tracking", "fulfillment", "returns", "invoicing", "subscriptions", "rewards",
  "campaigns", "experiments", "content", "assets", "events", "audit", "search-index", "graph",
  "ml-training", "ml-serving", "etl", "notifications-core", "email", "sms", "chat", "tickets",
  "knowledge-base", "partners", "onboarding", "kyc", "disputes", "payouts", "fx", "geo", "maps",
  "catalog-sync", "reviews", "ads", "attribution", "forecasting", "exports",
];

export interface Person {
  first: string;
  last: string;
}

export function personEmail(p: Person): string {
  return `${p.first}.${p.last}@${DOMAIN}`;
}

/** Every first×last combination once, in seeded order. */
export function peoplePool(rng: Rng): Person[] {
  const all: Person[] = [];
  for (const first of FIRST_NAMES) for (const last of LAST_NAMES) all.push({ first, last });
  return rng.shuffled(all);
}

/** The n-th (1-based) extra application of a business unit; unique per unit. */
export function appName(buSlug: string, n: number, offset: number): string {
  const word = APP_WORDS[(n - 1 + offset) % APP_WORDS.length] ?? "app";
  const round = Math.floor((n - 1) / APP_WORDS.length);
  return round === 0 ? `${buSlug}-${word}` : `${buSlug}-${word}-${round + 1}`;
}

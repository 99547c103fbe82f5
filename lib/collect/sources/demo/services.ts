// Which services each kind of account uses, and how its spend divides among them.
import type { AccountSpec } from "./spec";
import type { Rng } from "./rng";
import { PLANTED } from "./ids";
import { SERVICES, type ServiceKey } from "./catalog";

/** [service, relative weight, probability the account uses it] */
type Usage = readonly [ServiceKey, number, number];

// Every account runs the security baseline (org trail, Config, Security Hub, GuardDuty).
// prettier-ignore
const BASELINE: readonly Usage[] = [
  ["cloudtrail", 0.3, 1], ["config", 0.8, 1], ["securityHub", 0.5, 1], ["guardDuty", 0.7, 1],
  ["kms", 0.4, 1], ["cloudwatch", 2.5, 1], ["s3", 2, 1],
];

// prettier-ignore
const WORKLOAD: readonly Usage[] = [
  ["ec2", 30, 1], ["ec2Other", 8, 1], ["vpc", 2, 1], ["elb", 2.5, 1], ["dataTransfer", 2, 1],
  ["s3", 5, 1], ["lambda", 1.5, 1], ["secrets", 0.3, 1], ["ssm", 0.2, 1], ["sns", 0.2, 1],
  ["sqs", 0.4, 0.95], ["ecr", 0.4, 0.8], ["route53", 0.3, 0.9], ["backup", 1, 0.7],
  ["rds", 15, 0.8], ["dynamodb", 5, 0.75], ["elasticache", 4, 0.6], ["ecs", 6, 0.55],
  ["eks", 5, 0.4], ["cloudfront", 3, 0.55], ["apiGateway", 2, 0.65], ["opensearch", 5, 0.35],
  ["redshift", 8, 0.1], ["athena", 1, 0.6], ["glue", 2, 0.45], ["kinesis", 2, 0.3],
  ["firehose", 1, 0.35], ["emr", 5, 0.08], ["msk", 4, 0.12], ["stepFunctions", 0.3, 0.6],
  ["ses", 0.2, 0.35], ["efs", 1, 0.45], ["fsx", 2, 0.05], ["docdb", 4, 0.08], ["neptune", 3, 0.04],
  ["waf", 0.8, 0.6], ["inspector", 0.3, 0.85], ["macie", 0.4, 0.3], ["cognito", 0.6, 0.3],
  ["amplify", 0.4, 0.08], ["pinpoint", 0.3, 0.06], ["sagemaker", 4, 0.1], ["bedrock", 2, 0.25],
  ["xray", 0.2, 0.6], ["codeBuild", 0.5, 0.45], ["codeArtifact", 0.2, 0.15], ["acm", 0.3, 0.25],
  ["appsync", 0.4, 0.06], ["mq", 0.8, 0.05], ["location", 0.2, 0.03], ["transfer", 0.6, 0.05],
  ["quicksight", 0.5, 0.05],
];

// prettier-ignore
const PROFILES: Readonly<Record<AccountSpec["role"], readonly Usage[]>> = {
  // The planted MGMT_ACCOUNT_WORKLOADS: an old reporting stack still runs in the management account.
  management: [
    ["ec2", 46, 1], ["rds", 24, 1], ["ec2Other", 5, 1], ["costExplorer", 2, 1],
    ["identityCenter", 0.2, 1], ["cloudtrail", 4, 1], ["cloudwatch", 2, 1],
  ],
  "log-archive": [
    ["s3", 70, 1], ["kms", 5, 1], ["athena", 1.5, 1], ["glue", 0.5, 1], ["cloudtrail", 2, 1],
    ["backup", 2, 0.5],
  ],
  "security-tooling": [
    ["securityHub", 25, 1], ["guardDuty", 18, 1], ["detective", 8, 1], ["inspector", 7, 1],
    ["macie", 6, 1], ["config", 9, 1], ["firewallManager", 4, 1], ["lambda", 2, 1], ["athena", 1, 1],
    ["sns", 0.3, 1], ["stepFunctions", 0.3, 0.7],
  ],
  identity: [
    ["identityCenter", 3, 1], ["directory", 30, 1], ["vpc", 4, 1], ["lambda", 1, 1], ["secrets", 0.5, 1],
  ],
  "shared-network": [
    ["vpc", 40, 1], ["ec2Other", 25, 1], ["networkFirewall", 15, 1], ["directConnect", 8, 1],
    ["dataTransfer", 10, 1], ["route53", 4, 1], ["globalAccelerator", 2, 0.6], ["cloudwatch", 3, 1],
  ],
  "shared-services": [
    ["ec2", 25, 1], ["ec2Other", 6, 1], ["eks", 6, 1], ["elb", 3, 1], ["codeBuild", 8, 1],
    ["codePipeline", 1, 1], ["codeArtifact", 2, 1], ["ecr", 4, 1], ["rds", 8, 1], ["ssm", 1, 1],
    ["backup", 2, 1], ["secrets", 0.4, 1], ["efs", 2, 0.6], ["vpc", 2, 1], ["route53", 0.5, 1],
  ],
  legacy: [
    ["ec2", 40, 1], ["ec2Other", 8, 1], ["rds", 20, 1], ["redshift", 25, 1], ["quicksight", 3, 1],
    ["vpc", 1, 1],
  ],
  "policy-staging": [["lambda", 1, 1]],
  workload: WORKLOAD,
  sandbox: [
    ["ec2", 30, 1], ["ec2Other", 5, 1], ["lambda", 3, 0.8], ["vpc", 2, 0.5], ["dynamodb", 2, 0.4],
    ["rds", 8, 0.3], ["bedrock", 4, 0.3], ["sagemaker", 6, 0.15], ["apiGateway", 1, 0.3],
    ["ecs", 3, 0.2], ["cloudfront", 1, 0.15], ["sqs", 0.2, 0.2],
  ],
};

/** Business-unit flavour: [weight multiplier, probability override]. */
// prettier-ignore
const FLAVOUR: Readonly<Record<string, Partial<Record<ServiceKey, readonly [number, number]>>>> = {
  payments: { rds: [1.5, 1], dynamodb: [1.3, 0.9], kms: [4, 1], waf: [2, 0.95], eks: [1.5, 0.7], elasticache: [1, 0.8] },
  "identity-platform": { cognito: [5, 0.95], dynamodb: [1.5, 0.9], lambda: [2, 1], apiGateway: [1.5, 0.9], kms: [3, 1] },
  data: {
    redshift: [3, 0.7], emr: [3, 0.5], glue: [3, 0.85], athena: [3, 0.85], kinesis: [2, 0.6],
    firehose: [1, 0.6], s3: [3, 1], msk: [1, 0.4], quicksight: [1, 0.4], sagemaker: [1, 0.3],
  },
  mobile: {
    cloudfront: [3, 0.95], cognito: [2, 0.7], amplify: [2, 0.6], pinpoint: [2, 0.5],
    apiGateway: [1.5, 0.85], appsync: [1, 0.4], sns: [3, 1],
  },
  checkout: { elasticache: [1.5, 0.9], dynamodb: [1.5, 0.8], waf: [2, 0.9], cloudfront: [1, 0.7] },
  search: { opensearch: [3, 0.95], elasticache: [1, 0.7], ecs: [1.5, 0.7] },
  logistics: { location: [3, 0.6], dynamodb: [1.2, 0.8], stepFunctions: [2, 0.8], sqs: [3, 1] },
  marketing: { cloudfront: [2, 0.9], pinpoint: [2, 0.6], ses: [3, 0.9], s3: [2, 1] },
  analytics: { redshift: [3, 0.7], athena: [3, 0.9], glue: [2, 0.8], quicksight: [2, 0.6], emr: [2, 0.4] },
  catalog: { dynamodb: [1.5, 0.9], opensearch: [1.5, 0.6], cloudfront: [1.5, 0.7], s3: [1.5, 1] },
  notifications: { ses: [4, 0.95], sns: [5, 1], pinpoint: [2, 0.6], sqs: [3, 1] },
  fraud: { sagemaker: [3, 0.8], kinesis: [2, 0.7], dynamodb: [1.2, 0.8], bedrock: [1, 0.4] },
  "customer-support": { connect: [6, 0.9], lambda: [1.5, 1], dynamodb: [1, 0.7] },
  billing: { rds: [1.5, 1], redshift: [1, 0.4], stepFunctions: [1.5, 0.8] },
  growth: { sagemaker: [2, 0.5], bedrock: [3, 0.6], cloudfront: [1, 0.7] },
  "platform-api": { apiGateway: [3, 0.95], eks: [2, 0.8], waf: [1.5, 0.8] },
};

export interface ServiceUse {
  name: string;
  /** USD per month at `now` before trend, seasonality and noise. */
  base: number;
  /** Part of the account's standard footprint (always used, from the start). */
  core: boolean;
}

/** The account's services and their share of its size. */
export function pickServices(spec: AccountSpec, rng: Rng): ServiceUse[] {
  const flavour = spec.bu ? FLAVOUR[spec.bu.slug] : undefined;
  const chosen = new Map<ServiceKey, number>();
  const core = new Set<ServiceKey>();
  for (const [key, weight, probability] of [...BASELINE, ...PROFILES[spec.role]]) {
    const [mul, p] = flavour?.[key] ?? [1, probability];
    // Dev and test accounts skip some of the optional services prod runs.
    const pEnv = p < 1 && (spec.env === "dev" || spec.env === "test") ? p * 0.85 : p;
    // No Security Hub charges where it is off (the planted SECURITYHUB_COVERAGE gap).
    if (key === "securityHub" && spec.id === PLANTED.securityHubDisabled) continue;
    if (pEnv >= 1) core.add(key);
    if (pEnv >= 1 || rng.chance(pEnv)) chosen.set(key, (chosen.get(key) ?? 0) + weight * mul);
  }
  let total = 0;
  const drafts: [ServiceKey, number][] = [];
  for (const [key, weight] of chosen) {
    // Core services vary less, so the planted management-account workload stays large.
    const w = weight * (1 + (core.has(key) ? 0.12 : 0.3) * rng.normal());
    const positive = Math.max(w, weight * 0.1);
    drafts.push([key, positive]);
    total += positive;
  }
  return drafts.map(([key, w]) => ({
    name: SERVICES[key],
    base: (spec.size * w) / total,
    core: core.has(key),
  }));
}

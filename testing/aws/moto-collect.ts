// The collector pointed at moto the way the integration tests run it: one region, two attempts
// (moto answers at once, a failure is real) and no real sleeping between credential-report polls.
import {
  loadAwsConfig,
  type AwsCollectionOptions,
  type AwsCollectorConfig,
} from "@/lib/collect/sources/aws";
import { BASE_CREDENTIALS } from "./moto-org";

export function motoConfig(
  endpoint: string,
  overrides: Partial<AwsCollectorConfig> = {},
): AwsCollectorConfig {
  return loadAwsConfig({}, { endpoint, regions: ["us-east-1"], maxAttempts: 2, ...overrides });
}

export function motoCollectOptions(
  endpoint: string,
  now: Date,
  extra: Partial<AwsCollectionOptions> = {},
): AwsCollectionOptions {
  return {
    config: motoConfig(endpoint),
    credentials: BASE_CREDENTIALS,
    now,
    report: { sleep: async () => {} },
    ...extra,
  };
}

// Which source "Run collection now" collects from. Only a demo deployment (`npm run demo`, the e2e
// server: ORGLENS_DEPLOYMENT=demo) generates the demo organization; anywhere else the dashboard
// collects from AWS, and without AWS settings it says what to configure instead of loading fake data.
import { RESET_DATA_COMMAND } from "@/lib/collect/store/data-source";

export type TTriggerSource = "aws" | "demo";
export type TRunSourceChoice = { source: TTriggerSource } | { refused: string };

const AWS_CREDENTIAL_HINTS = [
  "AWS_ACCESS_KEY_ID",
  "AWS_PROFILE",
  "AWS_ROLE_ARN",
  "AWS_WEB_IDENTITY_TOKEN_FILE",
  "AWS_CONTAINER_CREDENTIALS_FULL_URI",
  "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI",
];
/** Collector settings count as "configured": an instance profile needs no credential variable. */
const AWS_COLLECTOR_HINTS = ["ORGLENS_AWS_ROLE_NAME", "ORGLENS_AWS_REGIONS"];

/** The same rule as lib/env's demo deployment, read here from the environment the caller passes. */
const isDemoDeployment = (env: Record<string, string | undefined>) =>
  env.ORGLENS_DEPLOYMENT === "demo";

export const AWS_NOT_CONFIGURED =
  "AWS collection is not configured on this server: give the dashboard AWS credentials (AWS_PROFILE, AWS_ACCESS_KEY_ID, a web identity or container role) and the collector's settings (ORGLENS_AWS_ROLE_NAME, ORGLENS_AWS_REGIONS; see docs/aws-setup.md), or collect with `npm run collect`.";

export function chooseRunSource(
  lastDataSource: string | null,
  env: Record<string, string | undefined>,
): TRunSourceChoice {
  if (isDemoDeployment(env)) {
    if (lastDataSource === "aws") {
      return {
        refused: `This demo deployment's database holds data collected from a real organization; the demo will not write over it. Use another database for the demo, or reset the collected data (${RESET_DATA_COMMAND}).`,
      };
    }
    return { source: "demo" };
  }
  if (lastDataSource === "demo") {
    return {
      refused: `This database holds the demo organization and this is not a demo deployment (ORGLENS_DEPLOYMENT=demo). Reset the collected data (${RESET_DATA_COMMAND}) before collecting from AWS.`,
    };
  }
  if (lastDataSource === "aws") return { source: "aws" };
  const configured = [...AWS_CREDENTIAL_HINTS, ...AWS_COLLECTOR_HINTS].some((k) => env[k]);
  return configured ? { source: "aws" } : { refused: AWS_NOT_CONFIGURED };
}

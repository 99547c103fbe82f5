// Which source "Run collection now" collects from. Swap point: today it refreshes whatever the data
// came from last (the demo stays a demo, an AWS install stays on AWS); with no run yet, AWS when the
// environment carries AWS credentials or collector settings, else the demo.
export type TTriggerSource = "aws" | "demo";

const AWS_HINTS = ["AWS_ACCESS_KEY_ID", "AWS_PROFILE", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE", "AWS_CONTAINER_CREDENTIALS_FULL_URI", "AWS_CONTAINER_CREDENTIALS_RELATIVE_URI", "ORGLENS_AWS_ROLE_NAME"];

export function chooseRunSource(lastDataSource: string | null, env: Record<string, string | undefined>): TTriggerSource {
  if (lastDataSource === "aws" || lastDataSource === "demo") return lastDataSource;
  return AWS_HINTS.some((k) => env[k]) ? "aws" : "demo";
}

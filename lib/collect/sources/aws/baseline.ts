// The account baseline, read inside each member account: GuardDuty, the AWS Config recorder and EBS
// default encryption in every configured region; account-level S3 Block Public Access and the IAM
// password policy once. A denied or unsupported read makes that one control "unknown" (noted on
// the run), never a violation and never a failed account: the rest of the baseline still counts.
import { DescribeConfigurationRecorderStatusCommand } from "@aws-sdk/client-config-service";
import { GetEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import {
  GetAdministratorAccountCommand,
  GetDetectorCommand,
  paginateListDetectors,
} from "@aws-sdk/client-guardduty";
import { GetAccountPasswordPolicyCommand } from "@aws-sdk/client-iam";
import { GetPublicAccessBlockCommand } from "@aws-sdk/client-s3-control";
import type { TBaselineControl } from "@/lib/domain/snapshot";
import type { AwsClients } from "./clients";
import { describeAwsError, isAccessDenied, isNamed, isNotSupported } from "./errors";
import type { RunNotes } from "./notes";

type Control = TBaselineControl["control"];
type Reading = Pick<TBaselineControl, "status" | "detail">;

async function guardDuty(clients: AwsClients, region: string): Promise<Reading> {
  const client = clients.guardDuty(region);
  const ids: string[] = [];
  for await (const page of paginateListDetectors({ client }, {}))
    ids.push(...(page.DetectorIds ?? []));
  for (const id of ids) {
    const detector = await client.send(new GetDetectorCommand({ DetectorId: id }));
    if (detector.Status !== "ENABLED") continue;
    // A detector that an organization administrator created (auto-enable) is as good as the account's
    // own; who manages it is only detail, so a denied read of it leaves the detail out.
    const admin = await client
      .send(new GetAdministratorAccountCommand({ DetectorId: id }))
      .catch(() => null);
    const by = admin?.Administrator?.AccountId;
    return {
      status: "on",
      detail: by ? `detector ${id} managed by administrator ${by}` : `detector ${id}`,
    };
  }
  return {
    status: "off",
    detail: ids.length ? `detector ${ids.join(", ")} is suspended` : "no detector",
  };
}

async function configRecorder(clients: AwsClients, region: string): Promise<Reading> {
  const { ConfigurationRecordersStatus: recorders = [] } = await clients
    .configService(region)
    .send(new DescribeConfigurationRecorderStatusCommand({}));
  const recording = recorders.find((r) => r.recording === true);
  if (recording)
    return {
      status: "on",
      detail: `recorder ${recording.name ?? ""} recording${recording.lastStatus ? `, last status ${recording.lastStatus}` : ""}`,
    };
  return {
    status: "off",
    detail: recorders.length
      ? `recorder ${recorders.map((r) => r.name ?? "").join(", ")} stopped`
      : "no configuration recorder",
  };
}

async function ebsEncryption(clients: AwsClients, region: string): Promise<Reading> {
  const { EbsEncryptionByDefault } = await clients
    .ec2(region)
    .send(new GetEbsEncryptionByDefaultCommand({}));
  return EbsEncryptionByDefault
    ? { status: "on", detail: "new EBS volumes are encrypted" }
    : { status: "off", detail: "EBS encryption by default is off" };
}

async function s3AccountBlock(clients: AwsClients): Promise<Reading> {
  try {
    const { PublicAccessBlockConfiguration: c } = await clients
      .s3Control(clients.homeRegion)
      .send(new GetPublicAccessBlockCommand({ AccountId: clients.accountId }));
    const settings = {
      BlockPublicAcls: c?.BlockPublicAcls,
      IgnorePublicAcls: c?.IgnorePublicAcls,
      BlockPublicPolicy: c?.BlockPublicPolicy,
      RestrictPublicBuckets: c?.RestrictPublicBuckets,
    };
    const off = Object.entries(settings)
      .filter(([, v]) => v !== true)
      .map(([k]) => k);
    return off.length
      ? { status: "off", detail: `not set: ${off.join(", ")}` }
      : { status: "on", detail: "all four settings on" };
  } catch (err) {
    if (isNamed(err, "NoSuchPublicAccessBlockConfiguration"))
      return { status: "off", detail: "no account-level Block Public Access configuration" };
    throw err;
  }
}

async function passwordPolicy(clients: AwsClients): Promise<Reading> {
  try {
    const { PasswordPolicy: p } = await clients.iam().send(new GetAccountPasswordPolicyCommand({}));
    return {
      status: "on",
      detail: `minimum length ${p?.MinimumPasswordLength ?? "?"}${p?.MaxPasswordAge ? `, max age ${p.MaxPasswordAge} days` : ""}`,
    };
  } catch (err) {
    if (isNamed(err, "NoSuchEntity", "NoSuchEntityException"))
      return { status: "off", detail: "no password policy (IAM defaults apply)" };
    throw err;
  }
}

export async function readBaseline(
  clients: AwsClients,
  regions: readonly string[],
  notes: RunNotes,
): Promise<TBaselineControl[]> {
  type Outcome = { control: TBaselineControl; note: string | null };
  const read = async (
    control: Control,
    region: string | null,
    fn: () => Promise<Reading>,
  ): Promise<Outcome> => {
    try {
      return { control: { control, region, ...(await fn()) }, note: null };
    } catch (err) {
      const why = isAccessDenied(err)
        ? "access denied"
        : isNotSupported(err)
          ? "not supported by the endpoint"
          : "not readable";
      const detail = `${why}: ${describeAwsError(err).slice(0, 300)}`;
      return {
        control: { control, region, status: "unknown", detail },
        note: `${control}${region ? ` (${region})` : ""}: ${detail}`,
      };
    }
  };
  // The controls do not depend on each other: read together, kept (and noted) in the listed order.
  const outcomes = await Promise.all([
    ...regions.flatMap((region) => [
      read("guardduty", region, () => guardDuty(clients, region)),
      read("config-recorder", region, () => configRecorder(clients, region)),
      read("ebs-default-encryption", region, () => ebsEncryption(clients, region)),
    ]),
    read("s3-account-public-access-block", null, () => s3AccountBlock(clients)),
    read("iam-password-policy", null, () => passwordPolicy(clients)),
  ]);
  for (const { note } of outcomes) if (note) notes.add(clients.accountId, "baseline", note);
  return outcomes.map((o) => o.control);
}

// Puts (parts of) the account baseline in place inside one moto account, through the real APIs.
import {
  ConfigServiceClient,
  PutConfigurationRecorderCommand,
  PutDeliveryChannelCommand,
  StartConfigurationRecorderCommand,
} from "@aws-sdk/client-config-service";
import { EC2Client, EnableEbsEncryptionByDefaultCommand } from "@aws-sdk/client-ec2";
import { CreateDetectorCommand, GuardDutyClient } from "@aws-sdk/client-guardduty";
import { IAMClient, UpdateAccountPasswordPolicyCommand } from "@aws-sdk/client-iam";
import { PutPublicAccessBlockCommand, S3ControlClient } from "@aws-sdk/client-s3-control";
import type { TBaselineControl } from "@/lib/domain/snapshot";
import { awsConfig, credentialsFor } from "./moto-org";

export const ALL_BASELINE: readonly TBaselineControl["control"][] = [
  "guardduty",
  "config-recorder",
  "ebs-default-encryption",
  "s3-account-public-access-block",
  "iam-password-policy",
];

export async function applyBaseline(
  endpoint: string,
  accountId: string,
  controls: readonly TBaselineControl["control"][] = ALL_BASELINE,
): Promise<void> {
  const config = awsConfig(endpoint, await credentialsFor(endpoint, accountId));
  if (controls.includes("guardduty")) {
    const gd = new GuardDutyClient(config);
    await gd.send(new CreateDetectorCommand({ Enable: true }));
    gd.destroy();
  }
  if (controls.includes("config-recorder")) {
    const cfg = new ConfigServiceClient(config);
    const roleARN = `arn:aws:iam::${accountId}:role/aws-service-role/config.amazonaws.com/AWSServiceRoleForConfig`;
    await cfg.send(
      new PutConfigurationRecorderCommand({
        ConfigurationRecorder: { name: "default", roleARN, recordingGroup: { allSupported: true } },
      }),
    );
    await cfg.send(
      new PutDeliveryChannelCommand({
        DeliveryChannel: { name: "default", s3BucketName: "config-bucket" },
      }),
    );
    await cfg.send(new StartConfigurationRecorderCommand({ ConfigurationRecorderName: "default" }));
    cfg.destroy();
  }
  if (controls.includes("ebs-default-encryption")) {
    const ec2 = new EC2Client(config);
    await ec2.send(new EnableEbsEncryptionByDefaultCommand({}));
    ec2.destroy();
  }
  if (controls.includes("s3-account-public-access-block")) {
    // Emulator host as it is: S3 Control would put the account id in front of it.
    const s3c = new S3ControlClient({
      ...config,
      endpointProvider: () => ({ url: new URL(endpoint) }),
    });
    const block = {
      BlockPublicAcls: true,
      IgnorePublicAcls: true,
      BlockPublicPolicy: true,
      RestrictPublicBuckets: true,
    };
    await s3c.send(
      new PutPublicAccessBlockCommand({
        AccountId: accountId,
        PublicAccessBlockConfiguration: block,
      }),
    );
    s3c.destroy();
  }
  if (controls.includes("iam-password-policy")) {
    const iam = new IAMClient(config);
    await iam.send(
      new UpdateAccountPasswordPolicyCommand({
        MinimumPasswordLength: 14,
        RequireSymbols: true,
        MaxPasswordAge: 90,
      }),
    );
    iam.destroy();
  }
}

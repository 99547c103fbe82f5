// SDK clients for one set of credentials: adaptive retries, an optional explicit endpoint (tests;
// AWS_ENDPOINT_URL works natively), and every request counted on the run's meter.
import { BudgetsClient } from "@aws-sdk/client-budgets";
import { CloudTrailClient } from "@aws-sdk/client-cloudtrail";
import { ConfigServiceClient } from "@aws-sdk/client-config-service";
import { CostExplorerClient } from "@aws-sdk/client-cost-explorer";
import { EC2Client } from "@aws-sdk/client-ec2";
import { GuardDutyClient } from "@aws-sdk/client-guardduty";
import { IAMClient } from "@aws-sdk/client-iam";
import { OrganizationsClient } from "@aws-sdk/client-organizations";
import { S3Client } from "@aws-sdk/client-s3";
import { S3ControlClient } from "@aws-sdk/client-s3-control";
import { SecurityHubClient } from "@aws-sdk/client-securityhub";
import { SSOAdminClient } from "@aws-sdk/client-sso-admin";
import { STSClient } from "@aws-sdk/client-sts";
import type { Pluggable } from "@aws-sdk/types";
import type { AwsCollectorConfig } from "./config";
import { sharedRequestHandler } from "./http-agents";
import type { RequestMeter } from "./meter";

export interface Credentials {
  accessKeyId: string;
  secretAccessKey: string;
  sessionToken?: string;
  expiration?: Date;
}
export type CredentialSource = Credentials | (() => Promise<Credentials>);

/** Global services (Organizations, IAM, Cost Explorer, Budgets) answer in us-east-1. */
export const GLOBAL_REGION = "us-east-1";

function meterPlugin<I extends object, O extends object>(
  service: string,
  meter: RequestMeter,
): Pluggable<I, O> {
  return {
    applyToStack(stack) {
      stack.add(
        (next, context) => async (args) => {
          meter.count(`${service}:${(context.commandName ?? "Unknown").replace(/Command$/, "")}`);
          return next(args);
        },
        { step: "initialize", name: "orglensRequestMeter" },
      );
    },
  };
}

function memo<C>(map: Map<string, C>, key: string, make: () => C): C {
  const hit = map.get(key);
  if (hit) return hit;
  const client = make();
  map.set(key, client);
  return client;
}

export class AwsClients {
  private readonly orgs = new Map<string, OrganizationsClient>();
  private readonly ce = new Map<string, CostExplorerClient>();
  private readonly iams = new Map<string, IAMClient>();
  private readonly budget = new Map<string, BudgetsClient>();
  private readonly stss = new Map<string, STSClient>();
  private readonly trails = new Map<string, CloudTrailClient>();
  private readonly s3s = new Map<string, S3Client>();
  private readonly hubs = new Map<string, SecurityHubClient>();
  private readonly sso = new Map<string, SSOAdminClient>();
  private readonly guardDuties = new Map<string, GuardDutyClient>();
  private readonly configs = new Map<string, ConfigServiceClient>();
  private readonly ec2s = new Map<string, EC2Client>();
  private readonly s3Controls = new Map<string, S3ControlClient>();

  constructor(
    readonly accountId: string,
    private readonly credentials: CredentialSource,
    private readonly config: AwsCollectorConfig,
    private readonly meter: RequestMeter,
  ) {}

  get homeRegion(): string {
    return this.config.regions[0];
  }

  private base(region: string) {
    return {
      region,
      credentials: this.credentials,
      endpoint: this.config.endpoint,
      retryMode: "adaptive",
      maxAttempts: this.config.maxAttempts,
      requestHandler: sharedRequestHandler(),
    };
  }

  organizations(): OrganizationsClient {
    return memo(this.orgs, GLOBAL_REGION, () => {
      const c = new OrganizationsClient(this.base(GLOBAL_REGION));
      c.middlewareStack.use(meterPlugin("organizations", this.meter));
      return c;
    });
  }

  /** Cost Explorer: no SDK retries, so that every attempt is seen (and capped, and billed) by the pager. */
  costExplorer(): CostExplorerClient {
    return memo(this.ce, GLOBAL_REGION, () => {
      const c = new CostExplorerClient({ ...this.base(GLOBAL_REGION), maxAttempts: 1 });
      c.middlewareStack.use(meterPlugin("ce", this.meter));
      return c;
    });
  }

  iam(): IAMClient {
    return memo(this.iams, GLOBAL_REGION, () => {
      const c = new IAMClient(this.base(GLOBAL_REGION));
      c.middlewareStack.use(meterPlugin("iam", this.meter));
      return c;
    });
  }

  budgets(): BudgetsClient {
    return memo(this.budget, GLOBAL_REGION, () => {
      const c = new BudgetsClient(this.base(GLOBAL_REGION));
      c.middlewareStack.use(meterPlugin("budgets", this.meter));
      return c;
    });
  }

  sts(region: string): STSClient {
    return memo(this.stss, region, () => {
      const c = new STSClient(this.base(region));
      c.middlewareStack.use(meterPlugin("sts", this.meter));
      return c;
    });
  }

  cloudTrail(region: string): CloudTrailClient {
    return memo(this.trails, region, () => {
      const c = new CloudTrailClient(this.base(region));
      c.middlewareStack.use(meterPlugin("cloudtrail", this.meter));
      return c;
    });
  }

  s3(region: string): S3Client {
    // Emulators serve buckets by path: virtual-host names such as bucket.127.0.0.1 do not resolve.
    const forcePathStyle = Boolean(this.config.endpoint ?? process.env.AWS_ENDPOINT_URL);
    return memo(this.s3s, region, () => {
      const c = new S3Client({ ...this.base(region), forcePathStyle, followRegionRedirects: true });
      c.middlewareStack.use(meterPlugin("s3", this.meter));
      return c;
    });
  }

  securityHub(region: string): SecurityHubClient {
    return memo(this.hubs, region, () => {
      const c = new SecurityHubClient(this.base(region));
      c.middlewareStack.use(meterPlugin("securityhub", this.meter));
      return c;
    });
  }

  ssoAdmin(region: string): SSOAdminClient {
    return memo(this.sso, region, () => {
      const c = new SSOAdminClient(this.base(region));
      c.middlewareStack.use(meterPlugin("sso-admin", this.meter));
      return c;
    });
  }

  guardDuty(region: string): GuardDutyClient {
    return memo(this.guardDuties, region, () => {
      const c = new GuardDutyClient(this.base(region));
      c.middlewareStack.use(meterPlugin("guardduty", this.meter));
      return c;
    });
  }

  configService(region: string): ConfigServiceClient {
    return memo(this.configs, region, () => {
      const c = new ConfigServiceClient(this.base(region));
      c.middlewareStack.use(meterPlugin("config", this.meter));
      return c;
    });
  }

  ec2(region: string): EC2Client {
    return memo(this.ec2s, region, () => {
      const c = new EC2Client(this.base(region));
      c.middlewareStack.use(meterPlugin("ec2", this.meter));
      return c;
    });
  }

  s3Control(region: string): S3ControlClient {
    // S3 Control puts the account id in front of the host ({account}.s3-control…): against an
    // emulator endpoint that name does not resolve, so the explicit endpoint is used as it is.
    const endpoint = this.config.endpoint ?? process.env.AWS_ENDPOINT_URL;
    return memo(this.s3Controls, region, () => {
      const c = new S3ControlClient(
        endpoint
          ? { ...this.base(region), endpointProvider: () => ({ url: new URL(endpoint) }) }
          : this.base(region),
      );
      c.middlewareStack.use(meterPlugin("s3control", this.meter));
      return c;
    });
  }

  /** Frees sockets; a run touches thousands of accounts. */
  destroy(): void {
    const maps = [
      this.orgs,
      this.ce,
      this.iams,
      this.budget,
      this.stss,
      this.trails,
      this.s3s,
      this.hubs,
      this.sso,
      this.guardDuties,
      this.configs,
      this.ec2s,
      this.s3Controls,
    ];
    for (const map of maps) {
      for (const client of map.values()) client.destroy();
      map.clear();
    }
  }
}

// Credentials per account: the account of the base credentials (default chain; normally the
// management account) uses them directly, every other account an sts:AssumeRole session
// "orglens-<runId>" into the configured read-only role, so CloudTrail ties each call to a run.
import { AssumeRoleCommand } from "@aws-sdk/client-sts";
import { AwsClients, type CredentialSource, type Credentials } from "./clients";
import type { AwsCollectorConfig } from "./config";
import { AccountAuditError, describeAwsError } from "./errors";
import type { RequestMeter } from "./meter";

export interface AssumeTarget {
  accountId: string;
  roleArn: string;
  externalId?: string;
  sessionName: string;
}
export type AssumeRoleFn = (target: AssumeTarget, base: AwsClients) => Promise<Credentials>;

const SESSION_PREFIX = "orglens";
/** STS: RoleSessionName is 2–64 characters of [\w+=,.@-]. */
const SESSION_NAME_MAX = 64;

export function sessionNameFor(runId: string | undefined): string {
  if (!runId) return SESSION_PREFIX;
  const safe = runId.replace(/[^\w+=,.@-]/g, "-");
  return `${SESSION_PREFIX}-${safe}`.slice(0, SESSION_NAME_MAX);
}
/** Re-assume when a cached session has less than this left: one account audit fits well within it. */
const REFRESH_MARGIN_MS = 10 * 60_000;

export const stsAssumeRole: AssumeRoleFn = async (target, base) => {
  const out = await base.sts(base.homeRegion).send(
    new AssumeRoleCommand({
      RoleArn: target.roleArn,
      RoleSessionName: target.sessionName,
      ExternalId: target.externalId,
      DurationSeconds: 3600,
    }),
  );
  const c = out.Credentials;
  if (!c?.AccessKeyId || !c.SecretAccessKey)
    throw new Error(`AssumeRole into ${target.roleArn} returned no credentials`);
  return {
    accessKeyId: c.AccessKeyId,
    secretAccessKey: c.SecretAccessKey,
    sessionToken: c.SessionToken,
    expiration: c.Expiration,
  };
};

export class AccountSessions {
  private readonly cache = new Map<string, Credentials>();
  /** Clients on the base credentials. */
  readonly base: AwsClients;

  constructor(
    readonly baseAccountId: string,
    readonly partition: string,
    private readonly config: AwsCollectorConfig,
    private readonly meter: RequestMeter,
    baseCredentials: CredentialSource,
    private readonly assumeRole: AssumeRoleFn = stsAssumeRole,
  ) {
    this.base = new AwsClients(baseAccountId, baseCredentials, config, meter);
  }

  roleArn(accountId: string): string {
    return `arn:${this.partition}:iam::${accountId}:role/${this.config.roleName}`;
  }

  /** Clients for an account, released with release(). Throws AccountAuditError with the reason. */
  async clientsFor(accountId: string): Promise<AwsClients> {
    if (accountId === this.baseAccountId) return this.base;
    const cached = this.cache.get(accountId);
    if (
      cached &&
      (!cached.expiration || cached.expiration.getTime() - Date.now() > REFRESH_MARGIN_MS)
    ) {
      return new AwsClients(accountId, cached, this.config, this.meter);
    }
    const roleArn = this.roleArn(accountId);
    try {
      const credentials = await this.assumeRole(
        {
          accountId,
          roleArn,
          externalId: this.config.externalId,
          sessionName: sessionNameFor(this.config.runId),
        },
        this.base,
      );
      this.cache.set(accountId, credentials);
      return new AwsClients(accountId, credentials, this.config, this.meter);
    } catch (err) {
      throw new AccountAuditError(`cannot assume ${roleArn}: ${describeAwsError(err)}`);
    }
  }

  release(clients: AwsClients): void {
    if (clients !== this.base) clients.destroy();
  }
}

// Benchmark: wall time of the member-account audit phase for N accounts in moto (default 200).
// `npx tsx scripts/bench/aws-audit.ts [--accounts 200] [--concurrency 8,16] [--json]`. Building the
// organization in moto takes minutes, so this is a benchmark, not a test.
import { parseArgs } from "node:util";
import { CreateAccessKeyCommand, CreateUserCommand } from "@aws-sdk/client-iam";
import { CreateOrganizationCommand, OrganizationsClient } from "@aws-sdk/client-organizations";
import pLimit from "p-limit";
import { auditAccounts } from "../../lib/collect/sources/aws/audit";
import { loadAwsConfig } from "../../lib/collect/sources/aws/config";
import { RequestMeter } from "../../lib/collect/sources/aws/meter";
import { RunNotes } from "../../lib/collect/sources/aws/notes";
import { readOrgTree } from "../../lib/collect/sources/aws/org-tree";
import { AccountSessions } from "../../lib/collect/sources/aws/sessions";
import { awsConfig, BASE_CREDENTIALS, createAccount, iamIn } from "../../testing/aws/moto-org";
import { startMoto } from "../../testing/moto";

const { values } = parseArgs({
  options: {
    accounts: { type: "string", default: "200" },
    concurrency: { type: "string", default: "8,16" },
    json: { type: "boolean", default: false },
  },
});
const accounts = Number(values.accounts);
const log = (s: string) => (values.json ? console.error(s) : console.log(s));

const moto = await startMoto();
try {
  log(`building an organization of ${accounts} accounts in moto…`);
  const orgs = new OrganizationsClient(awsConfig(moto.endpoint));
  await orgs.send(new CreateOrganizationCommand({ FeatureSet: "ALL" }));
  const limit = pLimit(8);
  await Promise.all(
    Array.from({ length: accounts }, (_, i) =>
      limit(async () => {
        const id = await createAccount(orgs, `bench-${i}`);
        const iam = await iamIn(moto.endpoint, id);
        await iam.send(new CreateUserCommand({ UserName: "ci" }));
        await iam.send(new CreateAccessKeyCommand({ UserName: "ci" }));
        iam.destroy();
      }),
    ),
  );
  orgs.destroy();

  const results = [];
  for (const concurrency of values.concurrency.split(",").map(Number)) {
    const config = loadAwsConfig(
      {},
      { endpoint: moto.endpoint, regions: ["us-east-1"], concurrency, maxAttempts: 3 },
    );
    const meter = new RequestMeter(1, "0.01");
    const sessions = new AccountSessions("123456789012", "aws", config, meter, BASE_CREDENTIALS);
    const tree = await readOrgTree(
      sessions.base.organizations(),
      concurrency,
      new Date().toISOString(),
    );
    const started = performance.now();
    const { audits } = await auditAccounts(
      { sessions, config, notes: new RunNotes(), hub: null, now: new Date() },
      tree.accounts,
      () => {},
    );
    const seconds = (performance.now() - started) / 1000;
    sessions.base.destroy();
    const requests = Object.values(meter.report().apiRequests).reduce((a, b) => a + b, 0);
    const audited = audits.filter((a) => a.status === "audited").length;
    results.push({
      accounts: audits.length,
      audited,
      concurrency,
      seconds: Number(seconds.toFixed(1)),
      requests,
    });
    log(
      `${audits.length} accounts (${audited} audited), concurrency ${concurrency}: audit phase ${seconds.toFixed(1)} s, ${requests} API requests`,
    );
  }
  if (values.json) console.log(JSON.stringify({ awsAudit: results }));
} finally {
  await moto.stop();
}
process.exit(0);

// `npm run db:roles`: creates or updates the app's database role.
// Run it with DATABASE_URL set to the OWNER of the OrgLens tables (the role migrations run as), after
// `npm run db:migrate`; then give the dashboard, collector and workers the app role's URL.
// See docs/database-roles.md.
//   ORGLENS_APP_DB_ROLE      the app role (default orglens_app)
//   ORGLENS_APP_DB_PASSWORD  its password (needed to create it and, once, to install the job queue)
//   --print                  only print the SQL (for a DBA), connect to nothing
import { appRoleStatements, setUpAppRole, validRoleName } from "../lib/db/roles";

const log = (line: string) => console.error(`[orglens] ${line}`);

async function main(): Promise<number> {
  const role = process.env.ORGLENS_APP_DB_ROLE || "orglens_app";
  const password = process.env.ORGLENS_APP_DB_PASSWORD || null;
  if (!validRoleName(role)) {
    log(
      `ORGLENS_APP_DB_ROLE=${role} is not a valid role name: use lower-case letters, digits and _.`,
    );
    return 2;
  }
  if (process.argv.includes("--print")) {
    const shown = password === null ? null : "<ORGLENS_APP_DB_PASSWORD>";
    for (const sql of appRoleStatements("<database>", "<owner>", { role, password: shown }))
      console.log(`${sql};`);
    console.log(
      `-- Then install the job queue as ${role} (it owns schema pgboss): GRANT CREATE ON DATABASE <database> TO ${role};`,
    );
    console.log(
      `-- start \`npm run worker\` once with ${role}'s URL; REVOKE CREATE ON DATABASE <database> FROM ${role};`,
    );
    return 0;
  }
  const ownerUrl = process.env.DATABASE_URL;
  if (!ownerUrl) {
    log("Set DATABASE_URL to the owner of the OrgLens tables (the role that runs migrations).");
    return 2;
  }
  await setUpAppRole(ownerUrl, { role, password });
  const appUrl = new URL(ownerUrl);
  appUrl.username = role;
  appUrl.password = password === null ? "" : "<password>";
  log(
    `Role ${role} can read and write OrgLens's rows, append to the audit trail, and nothing else.`,
  );
  log(`Run the dashboard, collector and workers with DATABASE_URL=${appUrl.toString()}`);
  log("Keep the owner's URL for npm run db:migrate (and run db:roles again after each migration).");
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    log(`db:roles failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);

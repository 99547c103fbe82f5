import type { TAccountDetail } from "@/lib/api/accounts";
import { daysSince, formatAge, formatDate } from "./format";
import { Badge, Empty, Section, tableClass, tdClass, thClass } from "./section";

type User = TAccountDetail["iamUsers"][number];

/** Access keys older than this read as overdue for rotation (the common 90-day policy). */
const ROTATE_DAYS = 90;

/** IAM users (long-term credentials the playbook wants gone from member accounts) and their access keys. */
export function AccountIamUsers({ users, asOf }: { users: readonly User[]; asOf: string }) {
  return (
    <Section id="iam-title" title="IAM users and access keys" count={users.length}>
      {users.length === 0 ? (
        <Empty>No IAM users: people sign in through the identity center.</Empty>
      ) : (
        <div className="overflow-x-auto" tabIndex={0} role="region" aria-label="IAM users table">
          <table className={tableClass} data-testid="account-iam-users">
            <thead>
              <tr>
                <th scope="col" className={thClass}>User</th>
                <th scope="col" className={thClass}>Console</th>
                <th scope="col" className={thClass}>Access key</th>
                <th scope="col" className={thClass}>Age</th>
                <th scope="col" className={thClass}>Last used</th>
                <th scope="col" className={thClass}>State</th>
              </tr>
            </thead>
            <tbody>
              {users.flatMap((u) => {
                const keys = u.accessKeys.length ? u.accessKeys : [null];
                return keys.map((k, i) => (
                  <tr key={`${u.userName}-${k?.slot ?? "none"}`}>
                    {i === 0 ? (
                      <>
                        <th scope="row" rowSpan={keys.length} className={`${tdClass} text-left font-medium`}>
                          {u.userName}
                          <p className="text-xs font-normal text-slate-500 dark:text-slate-400">created {formatDate(u.createdAt)}</p>
                        </th>
                        <td rowSpan={keys.length} className={tdClass}>
                          {u.passwordEnabled ? (
                            <>
                              Password, last used {formatAge(u.passwordLastUsed, asOf, "never")}
                              <div className="mt-0.5">{u.mfaActive ? <Badge tone="good">MFA</Badge> : <Badge tone="bad">No MFA</Badge>}</div>
                            </>
                          ) : (
                            <span className="text-slate-500 dark:text-slate-400">No password</span>
                          )}
                        </td>
                      </>
                    ) : null}
                    {k ? (
                      <>
                        <td className={`${tdClass} font-mono text-xs`}>{k.keyId ?? `key ${k.slot}`}</td>
                        <td className={`${tdClass} whitespace-nowrap`}>
                          {k.lastRotated ? (
                            <span className={k.active && daysSince(k.lastRotated, asOf) > ROTATE_DAYS ? "font-medium text-red-700 dark:text-red-300" : ""}>
                              {daysSince(k.lastRotated, asOf).toLocaleString("en-US")} days
                            </span>
                          ) : (
                            "—"
                          )}
                        </td>
                        <td className={`${tdClass} whitespace-nowrap`}>{formatAge(k.lastUsed, asOf, "never")}</td>
                        <td className={tdClass}>{k.active ? <Badge tone="warn">Active</Badge> : <Badge tone="neutral">Inactive</Badge>}</td>
                      </>
                    ) : (
                      <td colSpan={4} className={`${tdClass} text-slate-500 dark:text-slate-400`}>
                        No access keys
                      </td>
                    )}
                  </tr>
                ));
              })}
            </tbody>
          </table>
        </div>
      )}
    </Section>
  );
}

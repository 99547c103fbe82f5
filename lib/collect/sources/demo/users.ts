// The planted IAM users — the only IAM users in member accounts. The management account has
// none. Inactive keys are not long-lived-key findings: only the two active ci-deploy keys are.
import type { IamUserInput } from "./types";
import { ACCOUNTS, iamArn, PLANTED } from "./ids";
import { DAY_MS, iso } from "./time";

/** The only IAM users in the org, all planted (see DEMO_VIOLATIONS). */
export function buildUsers(accountId: string, now: number): IamUserInput[] {
  const at = (daysAgo: number): string => iso(now - daysAgo * DAY_MS);
  const user = (
    userName: string,
    fields: Omit<IamUserInput, "userName" | "arn">,
  ): IamUserInput => ({
    userName,
    arn: iamArn(accountId, "user", userName),
    ...fields,
  });
  if (accountId === ACCOUNTS.paymentsDev) {
    return [
      user(PLANTED.ciDeployUser, {
        createdAt: at(1100),
        passwordEnabled: false,
        passwordLastUsed: null,
        mfaActive: false,
        accessKeys: [
          {
            keyId: PLANTED.ciDeployOldKeyId,
            slot: 1,
            active: true,
            lastRotated: at(400),
            lastUsed: at(45),
          },
          {
            keyId: PLANTED.ciDeploySecondKeyId,
            slot: 2,
            active: true,
            lastRotated: at(200),
            lastUsed: at(1),
          },
        ],
      }),
    ];
  }
  if (accountId === ACCOUNTS.dataProd) {
    return [
      user(PLANTED.breakGlassUser, {
        createdAt: at(900),
        passwordEnabled: true,
        passwordLastUsed: at(20),
        mfaActive: true,
        accessKeys: [],
      }),
    ];
  }
  if (accountId === ACCOUNTS.mobileTest) {
    return [
      user(PLANTED.staleUser, {
        createdAt: at(700),
        passwordEnabled: true,
        passwordLastUsed: at(300),
        mfaActive: false,
        accessKeys: [
          {
            keyId: PLANTED.staleUserKeyId,
            slot: 1,
            active: false,
            lastRotated: at(650),
            lastUsed: at(200),
          },
        ],
      }),
    ];
  }
  return [];
}

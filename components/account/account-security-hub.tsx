import type { TAccountSecurityHub } from "@/lib/api/security-hub";
import { standardLabel } from "@/lib/domain/security-hub/standard-label";
import { Badge, Empty, Section } from "./section";

/** Security Hub in this account: active findings from the aggregator, and the standards it enables. Anchor: #security-hub. */
export function AccountSecurityHub({ hub }: { hub: TAccountSecurityHub | null }) {
  return (
    <div id="security-hub" className="scroll-mt-4">
      <Section
        id="security-hub-title"
        title="Security Hub"
        note="Active findings (new or notified) from the Security Hub aggregator"
      >
        {!hub ? (
          <Empty>No Security Hub status collected for this account yet.</Empty>
        ) : (
          <div className="space-y-3 text-sm" data-testid="account-security-hub">
            <p>
              {hub.enabled ? (
                <Badge tone="good">enabled</Badge>
              ) : (
                <Badge tone="bad">not enabled</Badge>
              )}
              {hub.enabled ? null : (
                <span className="ml-2 text-slate-600 dark:text-slate-400">
                  The account is not a member of the Security Hub aggregator.
                </span>
              )}
            </p>
            <dl className="grid max-w-md grid-cols-3 gap-3">
              <Count
                label="Critical"
                value={hub.critical}
                testId="hub-critical"
                tone={hub.critical > 0 ? "text-red-700 dark:text-red-300" : ""}
              />
              <Count
                label="High"
                value={hub.high}
                testId="hub-high"
                tone={hub.high > 0 ? "text-orange-700 dark:text-orange-300" : ""}
              />
              <Count label="Medium" value={hub.medium} testId="hub-medium" tone="" />
            </dl>
            <div>
              <h3 className="font-medium text-slate-700 dark:text-slate-300">Enabled standards</h3>
              {hub.standards === null ? (
                <p className="text-slate-600 dark:text-slate-400">
                  Unknown: the last run could not read this account&apos;s standards.
                </p>
              ) : hub.standards.length === 0 ? (
                <p className="text-amber-800 dark:text-amber-300" data-testid="hub-standards">
                  None enabled
                </p>
              ) : (
                <ul className="mt-1 flex flex-wrap gap-1.5" data-testid="hub-standards">
                  {hub.standards.map((arn) => (
                    <li
                      key={arn}
                      title={arn}
                      className="rounded-md border border-slate-200 px-2 py-0.5 text-xs dark:border-slate-700"
                    >
                      {standardLabel(arn)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          </div>
        )}
      </Section>
    </div>
  );
}

function Count({
  label,
  value,
  testId,
  tone,
}: {
  label: string;
  value: number;
  testId: string;
  tone: string;
}) {
  return (
    <div>
      <dt className="text-slate-600 dark:text-slate-400">{label}</dt>
      <dd className={`tabular text-xl font-semibold ${tone}`} data-testid={testId}>
        {value.toLocaleString("en-US")}
      </dd>
    </div>
  );
}

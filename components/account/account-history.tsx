import Link from "next/link";
import type { TAccountDetail } from "@/lib/api/accounts";
import { formatDate } from "./format";
import { Badge, Empty, Section } from "./section";

/** Where the account sat, from when to when: showback by OU follows these dates. */
export function AccountPlacements({ placements }: { placements: TAccountDetail["placements"] }) {
  return (
    <Section id="placements-title" title="Placement history" count={placements.length}>
      {placements.length === 0 ? (
        <Empty>No placement recorded.</Empty>
      ) : (
        <ol className="space-y-2" data-testid="account-placements">
          {placements.map((p) => (
            <li key={`${p.ouId}-${p.from}`} className="text-sm">
              <Link
                href={`/organization?ou=${encodeURIComponent(p.ouId)}`}
                className="break-words hover:underline"
              >
                {p.ouPath}
              </Link>
              <p className="text-xs text-slate-600 dark:text-slate-400">
                {formatDate(p.from)} → {p.to ? formatDate(p.to) : <Badge tone="good">now</Badge>}
              </p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}

/** Trails in the account, and organization trails (from the management account) that also log it. */
export function AccountTrails({ trails }: { trails: TAccountDetail["trails"] }) {
  return (
    <Section id="trails-title" title="CloudTrail" count={trails.length}>
      {trails.length === 0 ? (
        <Empty>No trail logs this account.</Empty>
      ) : (
        <ul className="space-y-2" data-testid="account-trails">
          {trails.map((t) => (
            <li
              key={t.arn}
              className="rounded-lg border border-slate-200 p-2 text-sm dark:border-slate-800"
            >
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-medium">{t.name}</span>
                {t.isOrganizationTrail ? (
                  <Badge tone="good">Organization trail</Badge>
                ) : (
                  <Badge tone="neutral">Account trail</Badge>
                )}
                {t.isLogging ? (
                  <Badge tone="good">Logging</Badge>
                ) : (
                  <Badge tone="bad">Not logging</Badge>
                )}
                {t.isMultiRegion ? (
                  <Badge tone="neutral">All regions</Badge>
                ) : (
                  <Badge tone="warn">{t.homeRegion} only</Badge>
                )}
              </div>
              <p className="mt-1 text-xs text-slate-600 dark:text-slate-400">
                {t.inAccount ? "In this account" : "From the management account"} · home{" "}
                {t.homeRegion}
                {t.s3BucketName ? ` · bucket ${t.s3BucketName}` : ""}
              </p>
            </li>
          ))}
        </ul>
      )}
    </Section>
  );
}

"use client";

import Link from "next/link";
import { usePathname } from "next/navigation";
import { can, type TPermission } from "@/lib/auth/roles";
import type { TRole } from "@/lib/domain/access";

/** Main navigation; each entry shows only to roles that may open it. Entries are enabled as their pages land. */
const LINKS: readonly { href: string; label: string; permission: TPermission }[] = [
  { href: "/", label: "Overview", permission: "dashboard:read" },
  { href: "/organization", label: "Organization", permission: "dashboard:read" },
  { href: "/accounts", label: "Accounts", permission: "data:read" },
  { href: "/findings", label: "Findings", permission: "data:read" },
  { href: "/reports/gap", label: "Gap report", permission: "data:read" },
  { href: "/costs", label: "Cost showback", permission: "dashboard:read" },
  { href: "/commitments", label: "Commitments", permission: "dashboard:read" },
  { href: "/chargeback", label: "Chargeback", permission: "export" },
  { href: "/budgets", label: "Budgets", permission: "data:read" },
  { href: "/anomalies", label: "Cost anomalies", permission: "data:read" },
  { href: "/requests", label: "Account requests", permission: "self:manage" },
  { href: "/runs", label: "Collection runs", permission: "data:read" },
  { href: "/settings", label: "Settings", permission: "self:manage" },
];

export function NavLinks({ role }: { role: TRole }) {
  const pathname = usePathname();
  return (
    <nav aria-label="Main" className="flex flex-col gap-1">
      {LINKS.filter((l) => can(role, l.permission)).map((l) => {
        const active = l.href === "/" ? pathname === "/" : pathname.startsWith(l.href);
        return (
          <Link
            key={l.href}
            href={l.href}
            aria-current={active ? "page" : undefined}
            className={`rounded-md px-2 py-1.5 text-sm ${active ? "bg-indigo-50 font-medium text-indigo-700 dark:bg-indigo-950 dark:text-indigo-200" : "text-slate-700 hover:bg-slate-100 dark:text-slate-300 dark:hover:bg-slate-800"}`}
          >
            {l.label}
          </Link>
        );
      })}
    </nav>
  );
}

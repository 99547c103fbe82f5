import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { cache } from "react";
import { AccountDetail } from "@/components/account/account-detail";
import { ZAccountParams } from "@/lib/api/params";
import { requirePageContext } from "@/lib/server/http/page";
import { getAccount } from "@/lib/server/accounts/get-account";

interface Props {
  params: Promise<{ id: string }>;
}

// One load per request, shared by the title and the page.
const loadAccount = cache(async (id: string) => {
  const { db, principal } = await requirePageContext("data:read");
  const parsed = ZAccountParams.safeParse({ id });
  return parsed.success ? getAccount(db, principal.scope, parsed.data.id) : null;
});

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const account = await loadAccount((await params).id);
  return { title: account ? `${account.name} (${account.id})` : "Account not found" };
}

export default async function AccountPage({ params }: Props) {
  const account = await loadAccount((await params).id);
  // Unknown and out-of-scope accounts look the same: nothing is revealed about accounts one may not see.
  if (!account) notFound();
  return <AccountDetail initial={account} asOf={new Date().toISOString()} />;
}

import type { Metadata } from "next";
import { headers } from "next/headers";
import localFont from "next/font/local";
import type { ReactNode } from "react";
import { Providers } from "@/components/providers";
import "./globals.css";

// Shipped with the app (from @fontsource-variable/inter): nothing is fetched at build or run time.
const inter = localFont({
  src: "./inter-latin-wght-normal.woff2",
  variable: "--font-inter",
  display: "swap",
});

export const metadata: Metadata = {
  title: { default: "OrgLens", template: "%s · OrgLens" },
  description: "AWS multi-account governance and FinOps",
};

// Applies the saved theme before first paint so there is no flash of the wrong theme.
// It also turns off zod's JIT before any bundle loads: zod probes `new Function` on first use, which the
// CSP (no 'unsafe-eval') reports as a violation even though zod catches it.
const themeScript = `window.__zod_globalConfig=Object.assign(window.__zod_globalConfig||{},{jitless:true});try{var t=localStorage.getItem("orglens-theme");if(t==="dark"||(!t&&matchMedia("(prefers-color-scheme: dark)").matches))document.documentElement.classList.add("dark")}catch(e){}`;

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The per-response CSP nonce set by proxy.ts; reading it also renders every page per request, which
  // a nonce requires.
  const nonce = (await headers()).get("x-nonce") ?? undefined;
  return (
    <html lang="en" className={inter.variable} suppressHydrationWarning>
      <head>
        <script nonce={nonce} dangerouslySetInnerHTML={{ __html: themeScript }} />
      </head>
      <body className="font-sans">
        <Providers>{children}</Providers>
      </body>
    </html>
  );
}

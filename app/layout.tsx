import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/sign-out-button";
import { type Actor, currentActor } from "@/lib/auth/current-actor";
import { allows } from "@/lib/auth/roles";
import { signOutAction } from "./sign-in/actions";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "rdsdeck", template: "%s · rdsdeck" },
  description: "A control plane for Amazon RDS for PostgreSQL fleets.",
};

const linkStyle =
  "text-slate-700 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600";

/** The navigation: only what the signed-in role may open (each page checks again). */
function navFor(actor: Actor): { href: string; label: string }[] {
  // Until the handed-out password is replaced, every page leads to Account anyway.
  if (actor.mustChangePassword) return [];
  const links = [
    { href: "/", label: "Overview" },
    { href: "/events", label: "Events" },
    { href: "/alarms", label: "Alarms" },
    { href: "/snapshots", label: "Snapshots" },
    { href: "/parameter-groups", label: "Parameter groups" },
    { href: "/audit", label: "Audit" },
  ];
  if (allows(actor.role, "admin")) {
    links.push({ href: "/admin/users", label: "Users" }, { href: "/admin/api-keys", label: "API keys" });
  }
  return links;
}

export default async function RootLayout({ children }: { children: ReactNode }) {
  // The layout only decides what to show; every page checks the session and role itself.
  const actor = await currentActor().catch(() => undefined);
  return (
    <html lang="en">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        <a
          className="sr-only rounded-md bg-white px-3 py-2 text-sm font-medium text-slate-900 shadow focus:not-sr-only focus:absolute focus:left-4 focus:top-4"
          href="#main"
        >
          Skip to content
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-7xl flex-wrap items-center gap-3 px-4 py-3 sm:px-6">
            <Link className="text-lg font-semibold tracking-tight text-slate-900" href="/">
              rdsdeck
            </Link>
            <span className="hidden text-sm text-slate-600 sm:inline">RDS for PostgreSQL control plane</span>
            {actor ? (
              <>
                <nav aria-label="Main" className="ml-auto">
                  <ul className="flex flex-wrap items-center gap-4 text-sm font-medium">
                    {navFor(actor).map((link) => (
                      <li key={link.href}>
                        <Link className={linkStyle} href={link.href}>
                          {link.label}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </nav>
                <div className="flex items-center gap-2 text-sm text-slate-700">
                  <span data-testid="signed-in-as">
                    <Link className={linkStyle} href="/account" title="Your account: change your password">
                      {actor.email}
                    </Link>{" "}
                    <span className="text-slate-500">({actor.role})</span>
                  </span>
                  <SignOutButton serverAction={signOutAction} />
                </div>
              </>
            ) : null}
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6" id="main">
          {children}
        </main>
      </body>
    </html>
  );
}

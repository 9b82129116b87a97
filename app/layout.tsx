import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "rdsdeck", template: "%s · rdsdeck" },
  description: "A control plane for Amazon RDS for PostgreSQL fleets.",
};

export default function RootLayout({ children }: { children: ReactNode }) {
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
          <div className="mx-auto flex max-w-7xl items-center gap-3 px-4 py-3 sm:px-6">
            <Link className="text-lg font-semibold tracking-tight text-slate-900" href="/">
              rdsdeck
            </Link>
            <span className="hidden text-sm text-slate-600 sm:inline">RDS for PostgreSQL control plane</span>
            <nav aria-label="Main" className="ml-auto">
              <ul className="flex items-center gap-4 text-sm font-medium">
                <li>
                  <Link
                    className="text-slate-700 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
                    href="/"
                  >
                    Overview
                  </Link>
                </li>
                <li>
                  <Link
                    className="text-slate-700 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
                    href="/events"
                  >
                    Events
                  </Link>
                </li>
                <li>
                  <Link
                    className="text-slate-700 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
                    href="/alarms"
                  >
                    Alarms
                  </Link>
                </li>
                <li>
                  <Link
                    className="text-slate-700 hover:text-slate-950 focus-visible:outline-2 focus-visible:outline-offset-2 focus-visible:outline-sky-600"
                    href="/snapshots"
                  >
                    Snapshots
                  </Link>
                </li>
              </ul>
            </nav>
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6" id="main">
          {children}
        </main>
      </body>
    </html>
  );
}

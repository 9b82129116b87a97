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
            <span className="text-sm text-slate-600">RDS for PostgreSQL control plane</span>
          </div>
        </header>
        <main className="mx-auto max-w-7xl px-4 py-6 sm:px-6" id="main">
          {children}
        </main>
      </body>
    </html>
  );
}

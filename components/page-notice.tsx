import Link from "next/link";
import type { ReactNode } from "react";

type Props = {
  title: string;
  children: ReactNode;
  back: { href: string; label: string };
  testId: string;
  /** "warning" for a refusal (403), plain for a miss (404). */
  tone?: "plain" | "warning";
};

/** A whole page that only says why there is nothing to show, and where to go instead. */
export function PageNotice({ title, children, back, testId, tone = "plain" }: Props) {
  const warning = tone === "warning";
  return (
    <section
      aria-labelledby={`${testId}-title`}
      className={`rounded-lg border p-5 ${warning ? "border-amber-300 bg-amber-50" : "border-slate-200 bg-white"}`}
      data-testid={testId}
    >
      <h1 className={`text-lg font-semibold ${warning ? "text-amber-950" : "text-slate-900"}`} id={`${testId}-title`}>
        {title}
      </h1>
      <p className={`mt-2 ${warning ? "text-amber-950" : "text-slate-700"}`}>{children}</p>
      <p className="mt-4">
        <Link className="font-medium text-sky-800 underline underline-offset-2 hover:text-sky-950" href={back.href}>
          {back.label}
        </Link>
      </p>
    </section>
  );
}

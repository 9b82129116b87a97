import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { connection } from "next/server";
import { FilterForm, FilterText } from "@/components/filter-form";
import { instanceHref } from "@/components/instance-href";
import { InvalidQuery } from "@/components/invalid-query";
import { LogFileTable } from "@/components/log-file-table";
import { LogViewer } from "@/components/log-viewer";
import { requireRole } from "@/lib/auth/require-role";
import { getConfig } from "@/lib/config";
import { NotFound } from "@/lib/errors";
import { describeLogFiles } from "@/lib/fleet/describe-log-files";
import { instanceIdentifier } from "@/lib/fleet/instance-identifier";
import { parseLogPageQuery } from "@/lib/fleet/log-viewer-query";
import { tailLogFile } from "@/lib/fleet/read-log-file";
import { settle } from "@/lib/page-data/settle";
import { queryIssues, type SearchParams } from "@/lib/query-param";

type Props = { params: Promise<{ id: string }>; searchParams: Promise<SearchParams> };

export async function generateMetadata({ params }: Props): Promise<Metadata> {
  const parsed = instanceIdentifier.safeParse((await params).id);
  return { title: parsed.success ? `${parsed.data}: logs` : "DB instance not found" };
}

/** The newest lines the page opens with; "Follow" adds what comes after. */
const TAIL_LINES = 1_000;

export default async function InstanceLogsPage({ params, searchParams }: Props) {
  await connection();
  const parsed = instanceIdentifier.safeParse((await params).id);
  if (!parsed.success) notFound();
  const identifier = parsed.data;
  const base = `${instanceHref(identifier)}/logs`;
  await requireRole("viewer", base);
  const { refreshIntervalMs } = getConfig();
  const query = await searchParams;
  const parsedQuery = parseLogPageQuery(query);
  // A malformed file name or search is said, and the page shows the newest file without a search instead.
  const { file: asked, search } = parsedQuery.success ? parsedQuery.data : { file: undefined, search: undefined };

  const files = await settle(() => describeLogFiles({ instance: identifier }), { notFoundPage: true });
  const selected = asked ?? (files.ok ? files.value[0]?.name : undefined);
  // A file named in the query that is gone (rotated out) is said so in the tail's place.
  const tail =
    selected && files.ok
      ? await settle(
          () =>
            tailLogFile({ instance: identifier, fileName: selected, lines: TAIL_LINES }).catch((error: unknown) => {
              throw error instanceof NotFound
                ? new NotFound(`${identifier} has no log file named ${selected}.`)
                : error;
            }),
          { settles: "any-domain-error" },
        )
      : undefined;
  const href = (wanted: Record<string, string | undefined>) => {
    const defined = Object.entries(wanted).filter((e): e is [string, string] => e[1] !== undefined && e[1] !== "");
    return defined.length ? `${base}?${new URLSearchParams(defined)}` : base;
  };

  return (
    <div className="space-y-6">
      <div className="space-y-2">
        <nav aria-label="Breadcrumb" className="text-sm text-slate-600">
          <Link className="underline underline-offset-2 hover:text-slate-900" href="/">
            Fleet overview
          </Link>{" "}
          /{" "}
          <Link className="underline underline-offset-2 hover:text-slate-900" href={instanceHref(identifier)}>
            {identifier}
          </Link>{" "}
          / <span aria-current="page">Logs</span>
        </nav>
        <h1 className="text-2xl font-semibold tracking-tight">Logs of {identifier}</h1>
        <p
          className="rounded-lg border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950"
          data-testid="logs-sql-notice"
        >
          These are PostgreSQL's own logs. They may hold SQL text — a failed statement is logged whole, with the values
          in it, and so is every statement slower than a second — so treat what you read or download here as you would
          the data itself.
        </p>
      </div>
      {parsedQuery.success ? null : (
        <InvalidQuery
          clearHint="The newest file is shown below, without a search."
          issues={queryIssues(parsedQuery.error)}
          params={query}
        />
      )}
      {!files.ok ? (
        <Problem message={withHint(files)} />
      ) : files.value.length === 0 || !selected ? (
        <p className="text-sm text-slate-700" data-testid="logs-empty">
          {identifier} has no log files yet.
        </p>
      ) : (
        <>
          <section aria-labelledby="log-tail-title" className="space-y-3">
            <h2 className="text-lg font-semibold text-slate-900" id="log-tail-title">
              <span className="font-mono">{selected}</span>
            </h2>
            <FilterForm action={base} grid="sm:grid-cols-[1fr_auto]" label="Search the lines" submitLabel="Search">
              {asked ? <input name="file" type="hidden" value={asked} /> : null}
              <FilterText
                data-testid="log-search"
                defaultValue={search ?? ""}
                id="log-search"
                label="Lines containing (any case)"
                maxLength={200}
                name="search"
                placeholder="ERROR"
              />
            </FilterForm>
            {tail === undefined || !tail.ok ? (
              <Problem message={tail ? withHint(tail) : `${selected} cannot be read.`} />
            ) : (
              <>
                <p className="text-sm text-slate-700">
                  The newest {TAIL_LINES.toLocaleString("en")} lines, oldest first.{" "}
                  <a
                    className="text-sky-800 underline underline-offset-2 hover:text-sky-950"
                    data-testid="log-download"
                    download
                    href={`${base}/download?${new URLSearchParams({ file: selected })}`}
                  >
                    Download the whole file
                  </a>
                </p>
                <LogViewer
                  fileName={selected}
                  followable={selected === files.value[0]?.name}
                  followUrl={`${base}/follow`}
                  initialMarker={tail.value.marker}
                  initialText={tail.value.text}
                  intervalMs={refreshIntervalMs}
                  // A new file or search starts a new view: what was followed before does not carry over.
                  key={`${selected}\n${search ?? ""}`}
                  search={search}
                />
              </>
            )}
          </section>
          <section aria-labelledby="log-files-title" className="space-y-3">
            <h2 className="text-lg font-semibold text-slate-900" id="log-files-title">
              Files
            </h2>
            <p className="text-sm text-slate-700">One file per UTC hour, kept three days.</p>
            <LogFileTable
              downloadHref={(file) => `${base}/download?${new URLSearchParams({ file })}`}
              files={files.value}
              selected={selected}
              viewHref={(file) => href({ file, search })}
            />
          </section>
        </>
      )}
    </div>
  );
}

function Problem({ message }: { message: string }) {
  return (
    <p
      className="rounded-lg border border-red-300 bg-red-50 p-4 text-sm text-red-900"
      data-testid="logs-problem"
      role="alert"
    >
      {message}
    </p>
  );
}

const withHint = (answer: { message: string; hint: string | undefined }) =>
  `${answer.message} ${answer.hint ?? ""}`.trim();

import { filtersFrom } from "@/lib/audit/audit-filters";
import { toAuditLine } from "@/lib/audit/audit-line";
import { allAudit } from "@/lib/audit/list-audit";
import { guardedRoute } from "@/lib/auth/route-guard";

/** The audit trail as JSON lines (one entry per line, newest first), with the page's filters. */
export const GET = guardedRoute("viewer", "export-audit", async (request) => {
  const parsed = filtersFrom(new URL(request.url).searchParams);
  if (!parsed.success) {
    const details = parsed.error.issues.map((i) => ({ field: i.path.join("."), message: i.message }));
    return new Response(JSON.stringify({ error: "Invalid filters", code: "validation_failed", details }), {
      status: 400,
      headers: { "content-type": "application/json; charset=utf-8" },
    });
  }
  const encoder = new TextEncoder();
  const entries = allAudit({ filters: parsed.data });
  const body = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await entries.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(`${toAuditLine(next.value)}\n`));
    },
  });
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  return new Response(body, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      "content-disposition": `attachment; filename="rdsdeck-audit-${stamp}.jsonl"`,
      "cache-control": "no-store",
    },
  });
});

import { guardedRoute } from "@/lib/auth/route-guard";
import { parseDownloadQuery, parseInstanceSegment } from "@/lib/fleet/log-viewer-query";
import { logFileChunks } from "@/lib/fleet/read-log-file";
import { dashboardRouteError } from "@/lib/http/dashboard-route-error";
import { log } from "@/lib/log";

type Context = { params: Promise<{ id: string }> };

/**
 * A whole log file as text, paged through DownloadDBLogFilePortion from its
 * start (1 MB a page) and streamed as the pages come. The first page is read
 * before answering, so an unknown file is a 404, not an empty download.
 */
export async function GET(request: Request, context: Context): Promise<Response> {
  const { id } = await context.params;
  return guardedRoute("viewer", "download-log-file", async () => {
    let where: Record<string, unknown> = { route: "download-log-file", instance: id };
    try {
      const instance = parseInstanceSegment(id);
      const { file } = parseDownloadQuery(new URL(request.url).searchParams);
      where = { ...where, file };
      const chunks = logFileChunks({ instance, fileName: file });
      const first = await chunks.next();
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          if (first.done) controller.close();
          else controller.enqueue(encoder.encode(first.value));
        },
        async pull(controller) {
          try {
            const next = await chunks.next();
            if (next.done) controller.close();
            else controller.enqueue(encoder.encode(next.value));
          } catch (error) {
            // The answer has started: the browser sees a failed download; the log says why.
            log().error({ ...where, err: error }, "log file download failed part-way");
            controller.error(error);
          }
        },
      });
      return new Response(body, {
        headers: {
          "content-type": "text/plain; charset=utf-8",
          "content-disposition": `attachment; filename="${instance}-${file.replaceAll("/", "-")}.txt"`,
          "cache-control": "no-store",
          "x-content-type-options": "nosniff",
        },
      });
    } catch (error) {
      return dashboardRouteError(error, where);
    }
  })(request);
}

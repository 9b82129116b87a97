import Link from "next/link";
import type { DbLogFile } from "@/lib/fleet/log-file-model";
import { DataTable } from "./data-table";
import { UtcTime } from "./utc-time";

type Props = {
  files: DbLogFile[];
  /** The file shown below the table. */
  selected: string;
  /** `?file=…` on the viewer page, and the download route. */
  viewHref: (file: string) => string;
  downloadHref: (file: string) => string;
};

/** An instance's log files, newest first: open one in the viewer, or download it whole. */
export function LogFileTable({ files, selected, viewHref, downloadHref }: Props) {
  return (
    <DataTable
      caption="Log files, newest first"
      columns={["File", "Last written", "Size", { srOnly: "Download" }]}
      testId="log-files"
    >
      {files.map((file) => (
        <tr data-testid="log-file" key={file.name}>
          <td className="px-3 py-2 font-mono">
            {file.name === selected ? (
              <span aria-current="true" className="font-semibold">
                {file.name}
              </span>
            ) : (
              <Link className="text-sky-800 underline underline-offset-2 hover:text-sky-950" href={viewHref(file.name)}>
                {file.name}
              </Link>
            )}
          </td>
          <td className="px-3 py-2">{file.lastWritten ? <UtcTime date={file.lastWritten} /> : "—"}</td>
          <td className="px-3 py-2 tabular-nums">{formatBytes(file.size)}</td>
          <td className="px-3 py-2">
            <a
              className="text-sky-800 underline underline-offset-2 hover:text-sky-950"
              data-testid="log-file-download"
              download
              href={downloadHref(file.name)}
            >
              Download<span className="sr-only"> {file.name}</span>
            </a>
          </td>
        </tr>
      ))}
    </DataTable>
  );
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KiB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MiB`;
}

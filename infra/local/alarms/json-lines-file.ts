import { appendFileSync, existsSync, readFileSync, renameSync, writeFileSync } from "node:fs";

/**
 * A small append-only JSON-lines file for bounded logs (alarm history,
 * notifications): read whole at start, appended one line per event, and
 * rewritten with only the kept entries when the file has grown well past
 * what is kept, so its size stays proportional to the bound.
 */
export class JsonLinesFile<T> {
  private lines = 0;

  constructor(
    private readonly file: string,
    private readonly parse: (value: unknown) => T | undefined,
  ) {}

  /** Every readable line, in order; unreadable ones (a torn last line) are skipped. */
  read(): T[] {
    if (!existsSync(this.file)) return [];
    const entries: T[] = [];
    for (const line of readFileSync(this.file, "utf8").split("\n")) {
      if (line === "") continue;
      this.lines++;
      try {
        const entry = this.parse(JSON.parse(line));
        if (entry !== undefined) entries.push(entry);
      } catch {
        // skipped
      }
    }
    return entries;
  }

  append(entry: T): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`, { mode: 0o600 });
    this.lines++;
  }

  /** Rewrites the file with `kept` when it holds more than twice as many lines. */
  compact(kept: readonly T[]): void {
    if (this.lines <= Math.max(64, kept.length * 2)) return;
    const tmp = `${this.file}.tmp`;
    writeFileSync(tmp, kept.map((e) => `${JSON.stringify(e)}\n`).join(""), { mode: 0o600 });
    renameSync(tmp, this.file);
    this.lines = kept.length;
  }
}

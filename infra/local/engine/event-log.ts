/**
 * The fleet's event history, as DescribeEvents serves it: kept in memory and
 * appended to <dataDir>/events.jsonl so it survives restarts; entries older
 * than RDS's 14 days are dropped at start.
 */
import { appendFileSync, existsSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import type pino from "pino";
import { RDS_EVENTS, type RdsEventKind } from "./rds-events";

export type SourceType = "db-instance" | "db-snapshot" | "db-parameter-group";

export type FleetEvent = {
  date: string;
  sourceType: SourceType;
  sourceId: string;
  sourceArn: string;
  eventId: string;
  categories: string[];
  message: string;
};

const RETENTION_MS = 14 * 24 * 3600 * 1000;

export class EventLog {
  private readonly file: string;
  private events: FleetEvent[] = [];

  constructor(
    dataDir: string,
    private readonly arnOf: (sourceType: SourceType, id: string) => string,
    private readonly log: pino.Logger,
  ) {
    this.file = path.join(dataDir, "events.jsonl");
    if (!existsSync(this.file)) return;
    const cutoff = Date.now() - RETENTION_MS;
    const kept: FleetEvent[] = [];
    for (const line of readFileSync(this.file, "utf8").split("\n")) {
      if (!line.trim()) continue;
      try {
        const e = JSON.parse(line) as FleetEvent;
        if (Date.parse(e.date) >= cutoff) kept.push(e);
      } catch (error) {
        // A line torn by a crash mid-append: skip it, keep the rest.
        log.warn({ err: error, file: this.file }, "skipping unreadable event line");
      }
    }
    this.events = kept;
    writeFileSync(this.file, kept.map((e) => `${JSON.stringify(e)}\n`).join(""));
  }

  record(kind: RdsEventKind, sourceId: string, detail?: string, sourceType: SourceType = "db-instance"): FleetEvent {
    const spec = RDS_EVENTS[kind];
    const event: FleetEvent = {
      date: new Date().toISOString(),
      sourceType,
      sourceId,
      sourceArn: this.arnOf(sourceType, sourceId),
      eventId: spec.id,
      categories: [...spec.categories],
      message: detail ? `${spec.message} ${detail}` : spec.message,
    };
    this.events.push(event);
    try {
      appendFileSync(this.file, `${JSON.stringify(event)}\n`);
    } catch (error) {
      this.log.error({ err: error, event }, "could not persist an event");
    }
    this.log.info({ event }, "rds event");
    return event;
  }

  all(): readonly FleetEvent[] {
    return this.events;
  }
}

/**
 * lib/fleet's RDS calls through the real AWS SDK and the local RDS API server
 * (Query protocol, SigV4), with a scripted backend in place of the engine: the
 * faults, pages and shapes are the wire's, only the fleet behind it is not.
 * The real engine's side is covered by infra/local's tests and by e2e.
 */
import type { DBInstance, Event } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import { rdsErrors } from "@/infra/local/api/rds/rds-errors";
import { fleetInstances, InMemoryRdsBackend } from "@/infra/local/api/test-support/fleet-fixture";
import { CREDENTIALS, REGION } from "@/infra/local/api/test-support/test-server";
import { Conflict, Invalid, NotFound, Unavailable } from "@/lib/errors";
import { serveLocalAws } from "@/lib/test-support/local-aws-env";
import { describeEvents } from "./describe-events";
import { describeInstance } from "./describe-instance";
import { listFailovers } from "./list-failovers";
import { rebootInstance } from "./reboot-instance";

const WRITER = "production-myapp";
const NOW = Date.now();

/** Only the calls lib/fleet makes are scripted; the rest refuse as in the protocol tests. */
class ScriptedBackend extends InMemoryRdsBackend {
  events: Event[] = [];
  refusal: Error | undefined;
  constructor() {
    super(fleetInstances());
  }
  override describeDBInstances(): DBInstance[] {
    return fleetInstances();
  }
  override rebootDBInstance({ identifier }: { identifier: string; forceFailover: boolean }): DBInstance {
    if (this.refusal) throw this.refusal;
    const instance = fleetInstances().find((i) => i.DBInstanceIdentifier === identifier);
    if (!instance) throw rdsErrors.dbInstanceNotFound(identifier);
    return { ...instance, DBInstanceStatus: "rebooting" };
  }
  override describeEvents(): Event[] {
    return this.events;
  }
}

const event = (secondsAgo: number, message: string, id = WRITER, categories = ["availability"]): Event => ({
  SourceIdentifier: id,
  SourceType: "db-instance",
  SourceArn: `arn:aws:rds:us-east-1:000000000000:db:${id}`,
  Message: message,
  EventCategories: categories,
  Date: new Date(NOW - secondsAgo * 1000),
});

const backend = new ScriptedBackend();
const { client } = serveLocalAws(backend);

describe("describeInstance", () => {
  it("reads one instance and groups everything RDS says about it", async () => {
    const { instance, sections } = await describeInstance({ identifier: WRITER, client: client() });
    expect(instance).toMatchObject({ identifier: WRITER, multiAz: true, secondaryAvailabilityZone: "us-east-1b" });
    const facts = Object.fromEntries(sections.flatMap((s) => s.facts.map((f) => [f.term, f.value])));
    expect(facts).toMatchObject({ "Availability zone": "us-east-1a", VPC: "vpc-0123456789abcdef0", Port: 15432 });
  });

  it("throws NotFound for an instance RDS does not know", async () => {
    await expect(describeInstance({ identifier: "production-nope", client: client() })).rejects.toThrow(
      new NotFound("DB instance production-nope was not found."),
    );
  });
});

describe("rebootInstance", () => {
  it("returns the instance as RDS answers: already rebooting", async () => {
    backend.refusal = undefined;
    const instance = await rebootInstance({ identifier: WRITER, forceFailover: true, client: client() });
    expect(instance.status).toBe("rebooting");
  });

  it.each([
    [
      "InvalidDBInstanceState",
      rdsErrors.invalidDBInstanceState(`Instance ${WRITER} is not in available state (it is rebooting).`),
      Conflict,
      `RebootDBInstance was refused for DB instance ${WRITER}: Instance ${WRITER} is not in available state (it is rebooting).`,
    ],
    [
      "InvalidParameterCombination",
      rdsErrors.invalidParameterCombination("Cannot do a forced failover on a non Multi-AZ instance."),
      Invalid,
      `RebootDBInstance was refused for DB instance ${WRITER}: Cannot do a forced failover on a non Multi-AZ instance.`,
    ],
    ["DBInstanceNotFound", rdsErrors.dbInstanceNotFound(WRITER), NotFound, `DB instance ${WRITER} was not found.`],
  ])("maps RDS's %s to the domain's error", async (_, fault, type, message) => {
    backend.refusal = fault;
    const attempt = rebootInstance({ identifier: WRITER, client: client() });
    await expect(attempt).rejects.toBeInstanceOf(type);
    await expect(attempt).rejects.toThrow(message);
    backend.refusal = undefined;
  });

  it("throws Unavailable when the RDS API cannot be reached", async () => {
    const { RDSClient } = await import("@aws-sdk/client-rds");
    const nowhere = new RDSClient({
      endpoint: "http://127.0.0.1:9",
      region: REGION,
      credentials: CREDENTIALS,
      maxAttempts: 1,
    });
    await expect(rebootInstance({ identifier: WRITER, client: nowhere })).rejects.toBeInstanceOf(Unavailable);
    nowhere.destroy();
  });
});

describe("describeEvents", () => {
  it("reads every page of a window, newest first, with RDS's filters applied", async () => {
    backend.events = [
      ...Array.from({ length: 230 }, (_, i) => event(3000 - i, `DB instance shutdown ${i}`)),
      event(10, "DB instance shutdown", "production-myapp-replica-1"),
      event(7200, "too old"),
    ];
    const { events, truncated } = await describeEvents(
      { source: { type: "db-instance", identifier: WRITER }, startTime: new Date(NOW - 3_600_000) },
      { client: client() },
    );
    expect(truncated).toBe(false);
    expect(events).toHaveLength(230);
    expect(events[0]?.message).toBe("DB instance shutdown 229");
    expect(events.at(-1)?.message).toBe("DB instance shutdown 0");
    expect(new Set(events.map((e) => e.sourceIdentifier))).toEqual(new Set([WRITER]));
  });

  it("stops at its limit and says so", async () => {
    const { events, truncated } = await describeEvents(
      { startTime: new Date(NOW - 3_600_000) },
      { client: client(), limit: 150 },
    );
    expect(events).toHaveLength(150);
    expect(truncated).toBe(true);
  });
});

describe("listFailovers", () => {
  it("reads failovers from the failover and recovery events only", async () => {
    backend.events = [
      event(
        60,
        "A Multi-AZ failover that resulted in the promotion of a standby instance has started. Reason: manual (RebootDBInstance with ForceFailover). From us-east-1a (production-myapp-a) to us-east-1b (production-myapp-b).",
        WRITER,
        ["failover"],
      ),
      event(59, "DB instance shutdown"),
      event(
        59,
        "The Multi-AZ failover that resulted in the promotion of a standby instance is complete. It may take several minutes for the DNS to transfer to the new primary. Writes were unavailable for 235 ms.",
        WRITER,
        ["failover"],
      ),
    ];
    const failovers = await listFailovers({ since: new Date(NOW - 3_600_000), client: client() });
    expect(failovers).toHaveLength(1);
    expect(failovers[0]).toMatchObject({
      reason: { kind: "manual" },
      to: { availabilityZone: "us-east-1b" },
      writesUnavailable: { ms: 235, source: "message" },
      phase: "promoted",
    });
  });
});

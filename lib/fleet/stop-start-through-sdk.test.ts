/**
 * lib/fleet's StopDBInstance and StartDBInstance through the real AWS SDK and
 * the local RDS API server, with a scripted backend in place of the engine:
 * what is sent (the optional snapshot), the status answered, and RDS's
 * refusal surfacing as a Conflict in its own words. The engine's side is
 * infra/local/engine/stop-start.test.ts.
 */
import type { DBInstance } from "@aws-sdk/client-rds";
import { describe, expect, it } from "vitest";
import { rdsErrors } from "@/infra/local/api/rds/rds-errors";
import { fleetInstances, InMemoryRdsBackend } from "@/infra/local/api/test-support/fleet-fixture";
import { Conflict, NotFound } from "@/lib/errors";
import { serveLocalAws } from "@/lib/test-support/local-aws-env";
import { startInstance } from "./start-instance";
import { stopInstance } from "./stop-instance";

const WRITER = "production-myapp";

class ScriptedBackend extends InMemoryRdsBackend {
  stops: { instanceId: string; snapshotId?: string }[] = [];
  constructor() {
    super(fleetInstances());
  }
  private find(id: string): DBInstance {
    const instance = fleetInstances().find((i) => i.DBInstanceIdentifier === id);
    if (!instance) throw rdsErrors.dbInstanceNotFound(id);
    return instance;
  }
  override stopDBInstance = (request: { instanceId: string; snapshotId?: string }): DBInstance => {
    const instance = this.find(request.instanceId);
    if ((instance.ReadReplicaDBInstanceIdentifiers ?? []).length > 0) {
      throw rdsErrors.invalidDBInstanceState(
        `Cannot stop or start DB instance ${request.instanceId} because it has read replicas.`,
      );
    }
    this.stops.push(request);
    return { ...instance, DBInstanceStatus: "stopping" };
  };
  override startDBInstance = ({ instanceId }: { instanceId: string }): DBInstance => ({
    ...this.find(instanceId),
    DBInstanceStatus: "starting",
  });
}

const backend = new ScriptedBackend();
const { client } = serveLocalAws(backend);
const standalone = fleetInstances().find((i) => (i.ReadReplicaDBInstanceIdentifiers ?? []).length === 0);

describe("stopInstance and startInstance", () => {
  it("stop sends the snapshot only when named and answers stopping; start answers starting", async () => {
    const id = standalone?.DBInstanceIdentifier;
    if (!id) throw new Error("the fixture has no instance without replicas");
    expect((await stopInstance({ identifier: id, client: client() })).status).toBe("stopping");
    expect((await stopInstance({ identifier: id, snapshot: "before-stop", client: client() })).status).toBe("stopping");
    expect(backend.stops).toEqual([{ instanceId: id }, { instanceId: id, snapshotId: "before-stop" }]);
    expect((await startInstance({ identifier: id, client: client() })).status).toBe("starting");
  });

  it("RDS's refusal is a Conflict in its words; an unknown instance is NotFound", async () => {
    const refused = stopInstance({ identifier: WRITER, client: client() });
    await expect(refused).rejects.toBeInstanceOf(Conflict);
    await expect(refused).rejects.toThrow(/because it has read replicas/);
    await expect(startInstance({ identifier: "nope", client: client() })).rejects.toBeInstanceOf(NotFound);
  });
});

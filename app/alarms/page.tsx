import type { Metadata } from "next";
import { connection } from "next/server";
import { AlarmTable } from "@/components/alarm-table";
import { CreateAlarmForm } from "@/components/create-alarm-form";
import { FleetUnavailable } from "@/components/fleet-unavailable";
import { LiveRefresh } from "@/components/live-refresh";
import { requireRole } from "@/lib/auth/require-role";
import { allows } from "@/lib/auth/roles";
import { getConfig } from "@/lib/config";
import { Unavailable } from "@/lib/errors";
import type { Alarm } from "@/lib/fleet/alarm-model";
import { describeAlarms } from "@/lib/fleet/describe-alarms";
import { describeFleet } from "@/lib/fleet/describe-fleet";
import type { ReplicaNode } from "@/lib/fleet/fleet-model";
import { createAlarmAction } from "./actions";

export const metadata: Metadata = { title: "Alarms" };

async function readAlarms(): Promise<{ alarms: Alarm[] } | { unavailable: Unavailable }> {
  try {
    return { alarms: await describeAlarms() };
  } catch (error) {
    if (error instanceof Unavailable) return { unavailable: error };
    throw error;
  }
}

export default async function AlarmsPage() {
  await connection();
  const actor = await requireRole("viewer", "/alarms");
  const { refreshIntervalMs } = getConfig();
  const [result, instances] = await Promise.all([readAlarms(), readInstanceIdentifiers()]);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Alarms</h1>
          <p className="text-sm text-slate-600">
            CloudWatch metric alarms
            {"alarms" in result ? ` · ${result.alarms.length} listed` : null}
          </p>
        </div>
        <LiveRefresh intervalMs={refreshIntervalMs} renderedAt={new Date().toISOString()} />
      </div>
      {"unavailable" in result ? (
        <FleetUnavailable hint={result.unavailable.hint} message={result.unavailable.message} />
      ) : result.alarms.length === 0 ? (
        <p
          className="rounded-lg border border-slate-200 bg-white p-4 text-sm text-slate-700"
          data-testid="alarms-empty"
        >
          CloudWatch has no metric alarms in this account and region.
        </p>
      ) : (
        <AlarmTable alarms={result.alarms} />
      )}
      {/* Without the alarm list or the instances, a new alarm could not be offered or seen. */}
      {/* Creating alarms needs the operator role; the action checks it again, whatever the page shows. */}
      {"alarms" in result && instances.length > 0 && allows(actor.role, "operator") ? (
        <section aria-labelledby="create-alarm-title" className="space-y-3">
          <h2 className="text-lg font-semibold text-slate-900" id="create-alarm-title">
            Create alarm
          </h2>
          <CreateAlarmForm instances={instances} serverAction={createAlarmAction} />
        </section>
      ) : null}
    </div>
  );
}

/** Every DB instance the form may offer; none when RDS cannot be read (the form then stays hidden). */
async function readInstanceIdentifiers(): Promise<string[]> {
  try {
    const { topologies } = await describeFleet();
    const walk = (nodes: ReplicaNode[]): string[] => nodes.flatMap((n) => [n.instance.identifier, ...walk(n.replicas)]);
    return topologies.flatMap((t) => [t.writer.identifier, ...walk(t.replicas)]);
  } catch (error) {
    if (error instanceof Unavailable) return [];
    throw error;
  }
}

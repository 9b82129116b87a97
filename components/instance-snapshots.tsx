import { SectionState } from "@/components/section-state";
import { SnapshotTable } from "@/components/snapshot-table";
import type { DbSnapshot } from "@/lib/fleet/snapshot-model";
import type { Settled } from "@/lib/page-data/settle";

type Props = {
  identifier: string;
  result: Settled<DbSnapshot[]>;
  actions: Parameters<typeof SnapshotTable>[0]["actions"];
};

/** The snapshots of one instance, newest first, with the row actions the reader's role allows. */
export function InstanceSnapshots({ identifier, result, actions }: Props) {
  return (
    <section aria-labelledby="instance-snapshots-title" className="space-y-3">
      <h2 className="text-lg font-semibold text-slate-900" id="instance-snapshots-title">
        Snapshots
      </h2>
      <SectionState
        cannotRead="The snapshots cannot be read"
        empty={`No snapshots of ${identifier}.`}
        isEmpty={(list) => list.length === 0}
        result={result}
        testId="instance-snapshots"
      >
        {(list) => (
          <SnapshotTable
            actions={actions}
            caption={`Snapshots of ${identifier}, newest first`}
            showInstance={false}
            snapshots={list}
          />
        )}
      </SectionState>
    </section>
  );
}

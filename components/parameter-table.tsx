import { DataTable } from "@/components/data-table";
import { FormDialog, type FormServerAction } from "@/components/form-dialog";
import type { DbParameter } from "@/lib/fleet/parameter-group-model";

type Props = {
  group: string;
  parameters: DbParameter[];
  /** Present when the reader may change this group (an operator, not a default group). */
  edit?: { modify: FormServerAction; reset: FormServerAction; usedBy: string[] };
};

/**
 * A group's parameters as RDS describes them. A static parameter is marked:
 * a change to it waits for each instance's reboot (pending-reboot), so its
 * dialog says so and names the instances it reaches.
 */
export function ParameterTable({ group, parameters, edit }: Props) {
  const reach = edit?.usedBy.length
    ? `Instances using ${group}: ${edit.usedBy.join(", ")}.`
    : "No instance uses this group.";
  return (
    <DataTable
      caption={`Parameters of ${group} by name`}
      columns={["Name", "Value", "Source", "Apply type", "Allowed values", ...(edit ? [{ srOnly: "Actions" }] : [])]}
      testId="parameter-table"
    >
      {parameters.map((p) => {
        const method = p.applyType === "static" ? "pending-reboot" : "immediate";
        return (
          <tr data-testid={`parameter-${p.name}`} key={p.name}>
            <td className="px-3 py-2 align-top">
              <span className="font-mono">{p.name}</span>
              <span className="block text-xs text-slate-600">{p.description}</span>
            </td>
            <td className="px-3 py-2 align-top font-mono" data-testid="parameter-value">
              {p.value ?? <span className="text-slate-500">engine default</span>}
            </td>
            <td className="px-3 py-2 align-top">{p.source}</td>
            <td className="px-3 py-2 align-top">
              {p.applyType === "static" ? (
                <span className="rounded bg-amber-100 px-1.5 py-0.5 text-xs font-medium text-amber-900">
                  static (reboot)
                </span>
              ) : (
                "dynamic"
              )}
            </td>
            <td className="max-w-xs break-words px-3 py-2 align-top font-mono text-xs">{p.allowedValues ?? "—"}</td>
            {edit ? (
              <td className="space-x-2 whitespace-nowrap px-3 py-2 align-top">
                {p.isModifiable ? (
                  <FormDialog
                    description={`${p.applyType === "static" ? "A static parameter: the new value takes effect when each instance reboots (pending-reboot)." : "A dynamic parameter: the new value is live on each instance after a reload."} Allowed values: ${p.allowedValues ?? "any string"}. ${reach}`}
                    hidden={{ group, parameter: p.name, applyMethod: method }}
                    inputs={[{ name: "value", label: `New value of ${p.name}`, defaultValue: p.value ?? "" }]}
                    label="Edit"
                    serverAction={edit.modify}
                    submitLabel="Save value"
                    testId={`edit-${p.name}`}
                    title={`Edit ${p.name} in ${group}`}
                  />
                ) : (
                  <span className="text-xs text-slate-500">not modifiable</span>
                )}
                {p.source === "user" ? (
                  <FormDialog
                    description={`Back to its default. ${reach}`}
                    hidden={{ group, parameter: p.name, applyMethod: method }}
                    label="Reset"
                    serverAction={edit.reset}
                    submitLabel="Reset"
                    testId={`reset-${p.name}`}
                    title={`Reset ${p.name} in ${group}`}
                  />
                ) : null}
              </td>
            ) : null}
          </tr>
        );
      })}
    </DataTable>
  );
}

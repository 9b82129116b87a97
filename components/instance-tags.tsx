import { DataTable } from "@/components/data-table";
import type { FormServerAction } from "@/components/form-dialog";
import { SectionState } from "@/components/section-state";
import { AddTagForm, RemoveTagForm } from "@/components/tag-forms";
import type { ResourceTag } from "@/lib/fleet/resource-tags";
import type { Settled } from "@/lib/page-data/settle";

type Props = {
  identifier: string;
  /** ListTagsForResource's answer, or why it could not be had (the rest of the page stands without it). */
  result: Settled<ResourceTag[]>;
  /** The add and remove actions, only for a role that may change tags. */
  editor?: { add: FormServerAction; remove: FormServerAction };
};

/** The instance's tags as RDS lists them, in their order, and for operators the means to change them. */
export function InstanceTags({ identifier, result, editor }: Props) {
  return (
    <section aria-labelledby="instance-tags-title" className="space-y-3" data-testid="instance-tags">
      <h2 className="text-lg font-semibold text-slate-900" id="instance-tags-title">
        Tags
      </h2>
      <SectionState
        cannotRead="The tags cannot be read"
        empty={`No tags on ${identifier}.`}
        isEmpty={(tags) => tags.length === 0}
        result={result}
        testId="instance-tags"
      >
        {(tags) => (
          <DataTable
            caption={`Tags of ${identifier}`}
            columns={["Key", "Value", ...(editor ? [{ srOnly: "Actions" }] : [])]}
            testId="tag-table"
          >
            {tags.map((tag) => (
              <tr data-key={tag.key} data-testid="tag-row" key={tag.key}>
                <th
                  className="px-3 py-2 font-mono text-xs font-medium text-slate-900"
                  data-testid="tag-key"
                  scope="row"
                >
                  {tag.key}
                </th>
                <td className="px-3 py-2 font-mono text-xs text-slate-700" data-testid="tag-value">
                  {tag.value === "" ? <span className="text-slate-500">(empty)</span> : tag.value}
                </td>
                {editor ? (
                  <td className="px-3 py-2">
                    <RemoveTagForm identifier={identifier} serverAction={editor.remove} tagKey={tag.key} />
                  </td>
                ) : null}
              </tr>
            ))}
          </DataTable>
        )}
      </SectionState>
      {editor ? <AddTagForm identifier={identifier} serverAction={editor.add} /> : null}
    </section>
  );
}

import { type FormEvent, useRef } from "react";
import { useKeptFormAction } from "@/components/use-kept-form-action";
import type { ActionReceipt } from "@/lib/actions/action-receipt";
import type { ActionState } from "@/lib/actions/validated-action";

export type InstanceServerAction = (
  previous: ActionState<ActionReceipt>,
  formData: FormData,
) => Promise<ActionState<ActionReceipt>>;

/**
 * Submits an instance action's dialog form (its fields kept after a refusal) and hands RDS's receipt, with the
 * status the instance had when it was sent, to `onAccepted`; `error` is the refusal to show in the dialog.
 */
export function useInstanceAction({
  serverAction,
  status,
  onAccepted,
}: {
  serverAction: InstanceServerAction;
  status: string;
  onAccepted: (receipt: ActionReceipt, statusBefore: string) => void;
}) {
  const statusBefore = useRef(status);
  const accepted = useRef(onAccepted);
  accepted.current = onAccepted;
  const { state, submit, pending } = useKeptFormAction(
    async (previous: ActionState<ActionReceipt>, formData: FormData): Promise<ActionState<ActionReceipt>> => {
      try {
        const answer = await serverAction(previous, formData);
        // Handed over here, not after a render: the action's own refresh may take this dialog off the page (a
        // promoted replica has no Promote; a started instance no Start), and the progress panel must still get it.
        if (answer?.ok) accepted.current(answer.result, statusBefore.current);
        return answer;
      } catch {
        // The request never got an answer (network, server restart): RDS may or may not have the request.
        return {
          ok: false,
          error: "No answer from the dashboard's server, so it is not known whether RDS got the request.",
          hint: "Check the instance's status and events before trying again.",
        };
      }
    },
  );
  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    statusBefore.current = status;
    submit(event);
  };
  const error = state && !state.ok ? state : undefined;
  return { submit: onSubmit, pending, error };
}

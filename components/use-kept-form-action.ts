import { type FormEvent, startTransition, useActionState } from "react";

/**
 * useActionState for a form whose fields outlive a refusal. The form is
 * submitted through a transition rather than `action=` because React resets an
 * action form after every submission, which would wipe the fields a refusal
 * asks to correct. Pass `submit` as the form's onSubmit.
 */
export function useKeptFormAction<State>(
  serverAction: (previous: State | undefined, formData: FormData) => Promise<State | undefined>,
) {
  const [state, formAction, pending] = useActionState(serverAction, undefined);
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    startTransition(() => formAction(data));
  };
  return { state, submit, pending };
}

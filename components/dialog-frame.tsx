"use client";

import { Dialog } from "radix-ui";
import type { ReactNode } from "react";

/**
 * The body every confirmation dialog shares: overlay, a centred panel, title
 * and description, then the dialog's own form. Goes inside a Dialog.Root.
 * A form taller than the window (the Modify dialog's) scrolls inside the
 * panel, so its buttons stay reachable. A wide one has room for two columns
 * and keeps a field given focus clear of a footer that sticks to its bottom
 * (the Modify dialog's summary and buttons).
 */
export function DialogFrame({
  title,
  description,
  children,
  wide = false,
}: {
  title: string;
  description: ReactNode;
  children: ReactNode;
  wide?: boolean;
}) {
  return (
    <Dialog.Portal>
      <Dialog.Overlay className="fixed inset-0 z-40 bg-slate-900/40" />
      <Dialog.Content
        className={`fixed left-1/2 top-1/2 z-50 max-h-[calc(100vh-2rem)] ${wide ? "w-[min(44rem,calc(100vw-2rem))] scroll-pb-64" : "w-[min(32rem,calc(100vw-2rem))]"} -translate-x-1/2 -translate-y-1/2 overflow-y-auto rounded-lg bg-white p-5 shadow-xl focus:outline-none`}
        data-testid="confirm-dialog"
      >
        <Dialog.Title className="text-lg font-semibold text-slate-900">{title}</Dialog.Title>
        <Dialog.Description asChild>
          <div className="mt-2 space-y-2 text-sm text-slate-700">{description}</div>
        </Dialog.Description>
        {children}
      </Dialog.Content>
    </Dialog.Portal>
  );
}

"use client";
import { useEffect, useId, useRef, type ReactNode } from "react";

/**
 * A modal dialog (the native `<dialog>`, so focus, Escape and the backdrop behave as browsers do).
 * Its content mounts only while open, so every opening starts from a fresh form.
 *
 * @example <ActionDialog open={open} onClose={() => setOpen(false)} title="Stop execution">…</ActionDialog>
 */
export function ActionDialog({ open, onClose, title, children, testId }: { open: boolean; onClose: () => void; title: string; children: ReactNode; testId?: string }) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    // Page shortcuts (j/k, Escape to clear the selection) listen on the document and would act on
    // the page behind the dialog, or swallow the Escape that closes it.
    const keep = (e: KeyboardEvent) => e.stopPropagation();
    dialog.addEventListener("keydown", keep);
    return () => dialog.removeEventListener("keydown", keep);
  }, []);
  return (
    <dialog
      ref={ref}
      onClose={onClose}
      aria-labelledby={titleId}
      data-testid={testId}
      className="m-auto w-[min(40rem,calc(100vw-2rem))] rounded-lg border border-zinc-200 bg-white p-0 text-zinc-900 shadow-xl backdrop:bg-black/40"
    >
      {open ? (
        <div className="max-h-[85vh] space-y-4 overflow-y-auto p-5">
          <div className="flex items-start justify-between gap-3">
            <h2 id={titleId} className="text-base font-semibold">
              {title}
            </h2>
            <button type="button" onClick={onClose} className="rounded px-1.5 text-lg leading-none text-zinc-500 hover:bg-zinc-100" aria-label="Close">
              ×
            </button>
          </div>
          {children}
        </div>
      ) : null}
    </dialog>
  );
}

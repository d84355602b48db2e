"use client";
import { useEffect, useId, useRef, useState, type ReactNode } from "react";

/**
 * A button that opens a panel below it, over the page (not pushing it down): for what a header
 * keeps one click away. Escape, a click outside or the button close it; the content mounts only
 * while open, so a big payload costs nothing until asked for.
 *
 * @example <Popover label="Input" testId="execution-input"><JsonPayload payload={input} /></Popover>
 */
export function Popover({
  label,
  children,
  onOpenChange,
  testId,
  tone = "default",
  align = "left",
}: {
  label: ReactNode;
  children: ReactNode;
  /** Told when the panel opens or closes. */
  onOpenChange?: (open: boolean) => void;
  /** `<testId>-toggle` on the button. */
  testId?: string;
  tone?: "default" | "error";
  /** Which edge of the button the panel lines up with. */
  align?: "left" | "right";
}) {
  const id = useId();
  const root = useRef<HTMLDivElement>(null);
  const [open, setOpenState] = useState(false);
  const setOpen = (next: boolean) => {
    setOpenState(next);
    onOpenChange?.(next);
  };
  const close = () => setOpen(false);
  // The latest setter, for the outside-click listener that is attached once per opening.
  const closeRef = useRef(close);
  useEffect(() => {
    closeRef.current = close;
  });
  useEffect(() => {
    if (!open) return;
    const onPointer = (e: PointerEvent) => {
      if (root.current && !root.current.contains(e.target as Node)) closeRef.current();
    };
    document.addEventListener("pointerdown", onPointer);
    return () => document.removeEventListener("pointerdown", onPointer);
  }, [open]);
  const button =
    tone === "error"
      ? "border-red-300 bg-red-50 text-red-900 hover:bg-red-100"
      : "border-zinc-300 bg-white text-zinc-800 hover:bg-zinc-100";
  return (
    <div
      ref={root}
      className="relative"
      onKeyDown={(e) => {
        if (e.key !== "Escape" || !open) return;
        // Handled here: the page's own Escape (clear the selection, leave time travel) stays put.
        e.preventDefault();
        close();
      }}
    >
      <button
        type="button"
        aria-expanded={open}
        aria-controls={id}
        onClick={() => setOpen(!open)}
        className={`inline-flex items-center gap-1 rounded-md border px-2 py-0.5 text-xs font-medium ${button}`}
        data-testid={testId ? `${testId}-toggle` : undefined}
      >
        {label}
        <span aria-hidden className="text-[10px] text-zinc-400">
          {open ? "▴" : "▾"}
        </span>
      </button>
      {open ? (
        <div
          id={id}
          role="dialog"
          aria-modal="false"
          className={`absolute top-full z-50 ${align === "right" ? "right-0" : "left-0"} mt-1 max-h-[60vh] w-[min(44rem,90vw)] overflow-auto rounded-lg border border-zinc-200 bg-white p-3 shadow-lg`}
        >
          {children}
        </div>
      ) : null}
    </div>
  );
}

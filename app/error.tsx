"use client";
import { ErrorBox } from "@/components/ui/ErrorBox";

/** Last line of defence: a render error shows a message, never a blank page. */
export default function RouteError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <ErrorBox title="Something went wrong while showing this page" message={error.message || "Unknown error"} code={error.digest}>
      <button type="button" onClick={reset} className="rounded border border-red-300 bg-white px-3 py-1 text-sm hover:bg-red-100">
        Try again
      </button>
    </ErrorBox>
  );
}

"use client";
import Link from "next/link";
import { useCallbackInbox } from "@/lib/use-actions";

const COUNT_REFRESH_MS = 15_000;

/**
 * How many callbacks wait for an answer across every durable function, linking to the inbox.
 * Says so when only some functions were read; says nothing while loading or when it could not
 * ask (the function list below shows the error).
 *
 * @example <WaitingCallbacks />
 */
export function WaitingCallbacks() {
  // A count on the home page need not be as fresh as the inbox: every function's running histories are read for it.
  const { data } = useCallbackInbox(undefined, COUNT_REFRESH_MS);
  if (!data) return null;
  const n = data.callbacks.length;
  const partial = data.truncated || (data.functionsScanned ?? 0) < (data.functionsTotal ?? 0);
  return (
    <Link
      href="/callbacks"
      data-testid="waiting-callbacks"
      data-count={n}
      className={`inline-flex items-center gap-1.5 rounded-full px-3 py-1 text-sm ${n > 0 ? "bg-amber-100 text-amber-900 hover:bg-amber-200" : "bg-zinc-100 text-zinc-600 hover:bg-zinc-200"}`}
      title={partial ? `Counted in ${data.functionsScanned ?? "some"} of ${data.functionsTotal ?? "the"} functions` : "Across every durable function's running executions"}
    >
      {n === 0 ? "No callbacks waiting" : `${n}${partial ? "+" : ""} callback${n === 1 ? "" : "s"} waiting`} →
    </Link>
  );
}

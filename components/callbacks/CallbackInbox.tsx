"use client";
import Link from "next/link";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useState } from "react";
import type { CallbackActionResponse, PendingCallback } from "@/lib/action-types";
import { useFunctions } from "@/lib/queries";
import { executionPath, functionPath } from "@/lib/segments";
import { INBOX_REFRESH_MS, useActionsEnabled, useCallbackInbox, useSession } from "@/lib/use-actions";
import { useNow } from "@/lib/use-now";
import { EmptyState } from "@/components/ui/EmptyState";
import { QueryErrorBox } from "@/components/ui/ErrorBox";
import { SkeletonRows } from "@/components/ui/Skeleton";
import { InboxRow } from "./InboxRow";

interface Answered {
  key: string;
  callback: PendingCallback;
  sent: CallbackActionResponse;
}

const SAID: Record<CallbackActionResponse["action"], string> = { succeed: "Completed", fail: "Failed", heartbeat: "Sent a heartbeat to" };

/** The function whose callbacks are shown; "" is every function. */
function FunctionPicker({ value, onChange }: { value: string | undefined; onChange: (name: string) => void }) {
  const { data, error } = useFunctions();
  return (
    <label className="flex items-center gap-2 text-sm text-zinc-600">
      Function
      <select
        className="rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-sm"
        value={value ?? ""}
        onChange={(e) => onChange(e.target.value)}
        data-testid="inbox-function"
        disabled={!data}
      >
        <option value="">{error ? "all functions (could not list them)" : "all functions"}</option>
        {data?.functions.map((f) => (
          <option key={f.name} value={f.name}>
            {f.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/**
 * Every callback waiting across the running executions of every durable function, or of one
 * (`?function=` in the URL), with the answer forms and copyable commands; what was just answered
 * stays listed above.
 *
 * @example <CallbackInbox />
 */
export function CallbackInbox() {
  const router = useRouter();
  const pathname = usePathname();
  const functionName = useSearchParams().get("function") ?? undefined;
  const { data, error, isPending, isFetching, refetch } = useCallbackInbox(functionName);
  const actions = useActionsEnabled();
  const readOnly = useSession().data?.readOnly === true;
  const now = useNow((data?.callbacks.length ?? 0) > 0);
  const [answered, setAnswered] = useState<Answered[]>([]);
  const onSent = (callback: PendingCallback, sent: CallbackActionResponse) =>
    setAnswered((prev) => [{ key: `${sent.callbackId}-${sent.sentAt}`, callback, sent }, ...prev].slice(0, 5));
  const choose = (name: string) => router.replace(name ? `${pathname}?function=${encodeURIComponent(name)}` : pathname, { scroll: false });
  const scope = functionName ?? "any function";

  return (
    <div className="space-y-4" data-testid="callback-inbox">
      <div className="flex flex-wrap items-center justify-between gap-3 rounded-lg border border-zinc-200 bg-white p-3">
        <FunctionPicker value={functionName} onChange={choose} />
        <span className="flex items-center gap-3 text-xs text-zinc-500">
          {functionName ? (
            <Link href={functionPath(functionName)} className="text-sky-700 hover:underline">
              Executions of {functionName}
            </Link>
          ) : null}
          {`Refreshing every ${INBOX_REFRESH_MS / 1000} s`}
          <button type="button" className="text-sky-700 hover:underline disabled:text-zinc-400" onClick={() => refetch()} disabled={isFetching}>
            {isFetching ? "Refreshing…" : "Refresh"}
          </button>
        </span>
      </div>

      {readOnly ? (
        <p className="rounded-md bg-zinc-100 p-3 text-sm text-zinc-700" data-testid="read-only-note">
          Read-only mode: this server does not answer callbacks. The commands below each callback do it from a terminal or from code.
        </p>
      ) : null}

      {answered.length > 0 ? (
        <ul className="space-y-1" data-testid="inbox-answered">
          {answered.map((a) => (
            <li key={a.key} role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-900">
              {SAID[a.sent.action]} {a.callback.name ?? "the callback"} of{" "}
              <Link href={executionPath(a.callback.executionArn)} className="font-mono underline">
                {a.callback.executionName}
              </Link>
              .
            </li>
          ))}
        </ul>
      ) : null}

      {isPending ? (
        <SkeletonRows rows={3} columns={3} label="Looking for waiting callbacks…" />
      ) : error && !data ? (
        <QueryErrorBox title={`Could not read the callbacks of ${scope}`} error={error} />
      ) : data.callbacks.length === 0 ? (
        <EmptyState title={`No callbacks of ${scope} are waiting.`}>
          <p>
            {data.executionsScanned === 0
              ? functionName
                ? "None of its executions is running."
                : "No execution is running."
              : `${functionName ? "Its" : "The"} ${data.executionsScanned} running execution${data.executionsScanned === 1 ? " waits" : "s wait"} for no callback right now.`}
          </p>
        </EmptyState>
      ) : (
        <>
          <ul className="divide-y divide-zinc-100 rounded-lg border border-zinc-200 bg-white" aria-label="Waiting callbacks">
            {data.callbacks.map((cb) => (
              <InboxRow key={cb.callbackId} callback={cb} now={now} actions={actions} onSent={onSent} />
            ))}
          </ul>
          <p className="text-xs text-zinc-500">
            {data.callbacks.length} waiting across {data.executionsScanned} running execution{data.executionsScanned === 1 ? "" : "s"}
            {data.truncated ? ` (only the newest 100 running executions${functionName ? "" : " of each function"} were read)` : ""}.
          </p>
        </>
      )}
      {data?.functionsTotal !== undefined && data.functionsScanned !== undefined && data.functionsScanned < data.functionsTotal ? (
        <p className="text-xs text-amber-800" data-testid="inbox-functions-partial">
          Read {data.functionsScanned} of {data.functionsTotal} functions; pick a function above to see the callbacks of one of the others.
        </p>
      ) : null}
      {error && data ? (
        <p role="alert" className="text-sm text-red-700">
          Refreshing failed: {error.message}
        </p>
      ) : null}
    </div>
  );
}

import { prettyPayload } from "@/lib/format";

/** A payload as text (JSON re-indented); React escapes it, so markup in payloads stays text. */
export function PayloadView({ payload, empty = "(none)", testId }: { payload: string | undefined; empty?: string; testId?: string }) {
  if (payload === undefined) {
    return (
      <p data-testid={testId} className="text-sm italic text-zinc-400">
        {empty}
      </p>
    );
  }
  return (
    <pre
      data-testid={testId}
      className="max-h-72 overflow-auto rounded-md border border-zinc-200 bg-zinc-50 p-3 font-mono text-xs leading-relaxed text-zinc-800"
    >
      {prettyPayload(payload)}
    </pre>
  );
}

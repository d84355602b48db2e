"use client";
import { formatJsonPath, type PayloadDiff, type PayloadSide } from "@durable-lens/sdk/history";
import { prettyPayload } from "@/lib/format";
import { KIND_STYLE, formatChangeValue } from "./diff-format";

const FIELD_TITLES: Record<PayloadDiff["field"], string> = { input: "Input", result: "Result", error: "Error" };

/** Why a payload was compared as text, or nothing when it was compared as JSON (or the texts are equal). */
function textReason(diff: PayloadDiff): string | undefined {
  if (diff.mode === "json" || diff.changes.length === 0) return undefined;
  if (diff.left?.truncated || diff.right?.truncated) return "Truncated by the service: compared as text, and only the part it kept.";
  return "Not JSON: compared as text.";
}

function Side({ side, label, testId }: { side: PayloadSide | undefined; label: string; testId: string }) {
  return (
    <div className="min-w-0 space-y-1">
      <p className="truncate text-xs font-medium text-zinc-500" title={label}>
        {label}
        {side?.truncated ? <span className="ml-2 text-amber-800">truncated</span> : null}
      </p>
      {side ? (
        // Text, never markup: React escapes whatever the payload holds.
        <pre data-testid={testId} className="max-h-72 overflow-auto whitespace-pre-wrap break-all rounded-md border border-zinc-200 bg-zinc-50 p-2 font-mono text-xs text-zinc-800">
          {prettyPayload(side.text)}
        </pre>
      ) : (
        <p data-testid={testId} className="text-xs italic text-zinc-400">
          (none)
        </p>
      )}
    </div>
  );
}

/**
 * Two payloads of one kind: the list of changed paths with both values, then both payloads side by side.
 *
 * @example <PayloadDiffView diff={op.payloads[0]} leftLabel="yesterday" rightLabel="today" />
 */
export function PayloadDiffView({ diff, leftLabel, rightLabel }: { diff: PayloadDiff; leftLabel: string; rightLabel: string }) {
  const reason = textReason(diff);
  return (
    <section className="space-y-2" data-testid="payload-diff" data-field={diff.field}>
      <h4 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">{FIELD_TITLES[diff.field]}</h4>
      {reason ? <p className="text-xs text-amber-800">{reason}</p> : null}
      {diff.changes.length > 0 ? (
        <table className="w-full table-fixed text-xs">
          <thead className="text-left text-zinc-500">
            <tr>
              <th className="w-1/4 py-1 pr-2 font-medium">Path</th>
              <th className="w-[37.5%] py-1 pr-2 font-medium">{leftLabel}</th>
              <th className="w-[37.5%] py-1 font-medium">{rightLabel}</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-zinc-100 font-mono">
            {diff.changes.map((change, i) => (
              <tr key={i} data-testid="json-change" data-kind={change.kind} data-path={formatJsonPath(change.path)}>
                <td className="break-all py-1 pr-2 align-top text-zinc-700">
                  <span className={`mr-1 rounded px-1 ${KIND_STYLE[change.kind].badge}`} aria-label={change.kind}>
                    {KIND_STYLE[change.kind].marker}
                  </span>
                  {formatJsonPath(change.path)}
                </td>
                <td className="whitespace-pre-wrap break-all py-1 pr-2 align-top text-red-800" data-testid="json-change-left">
                  {formatChangeValue(change.left, diff.mode)}
                </td>
                <td className="whitespace-pre-wrap break-all py-1 align-top text-emerald-800" data-testid="json-change-right">
                  {formatChangeValue(change.right, diff.mode)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="text-xs text-zinc-500">
          {diff.left?.truncated || diff.right?.truncated ? "The parts the service kept are the same; what it cut off may differ." : "Same on both sides."}
        </p>
      )}
      {diff.omitted > 0 ? <p className="text-xs text-zinc-500">…and {diff.omitted.toLocaleString("en-US")} more changes, not listed.</p> : null}
      <div className="grid gap-3 md:grid-cols-2">
        <Side side={diff.left} label={leftLabel} testId="payload-left" />
        <Side side={diff.right} label={rightLabel} testId="payload-right" />
      </div>
    </section>
  );
}

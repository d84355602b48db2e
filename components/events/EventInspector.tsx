"use client";
import { operationLabel, type OperationView } from "@durable-lens/sdk/history";
import type { ErrorObject, Event } from "@durable-lens/sdk/protocol";
import { formatTimestamp } from "@/lib/format";
import { ErrorDetails } from "@/components/execution/ErrorDetails";
import { JsonPayload } from "@/components/execution/JsonPayload";
import { operationStanding } from "@/components/execution/operation-standing";
import { StatusBadge } from "@/components/ui/StatusBadge";

interface PayloadMembers {
  Input?: { Payload?: string; Truncated?: boolean };
  Result?: { Payload?: string; Truncated?: boolean };
  Error?: { Payload?: ErrorObject; Truncated?: boolean };
}

/**
 * One history event: its identity, its payloads readable, and the event itself as JSON.
 *
 * @example <EventInspector event={event} operation={op} onSelectOperation={select} onClose={clear} />
 */
export function EventInspector({
  event,
  operation,
  onSelectOperation,
  onClose,
}: {
  event: Event;
  operation: OperationView | undefined;
  onSelectOperation: (id: string) => void;
  onClose: () => void;
}) {
  const details = (event.EventType ? event[`${event.EventType}Details`] : undefined) as PayloadMembers | undefined;
  return (
    <aside className="space-y-4 rounded-lg border border-zinc-200 bg-white p-4 text-sm" data-testid="event-inspector" aria-label="Event details">
      <div className="flex items-start justify-between gap-2">
        <div className="min-w-0">
          <p className="text-[11px] font-medium uppercase tracking-wide text-zinc-500">Event {event.EventId}</p>
          <h2 className="truncate font-mono text-base font-semibold" data-testid="event-inspector-type">
            {event.EventType}
          </h2>
        </div>
        <button type="button" onClick={onClose} className="rounded px-1.5 text-lg leading-none text-zinc-500 hover:bg-zinc-100" aria-label="Close details">
          ×
        </button>
      </div>
      <dl className="grid grid-cols-[7rem_1fr] gap-x-3 gap-y-1 text-xs">
        <dt className="text-zinc-500">Time</dt>
        <dd className="font-mono">{formatTimestamp(event.EventTimestamp, true)}</dd>
        {event.SubType ? (
          <>
            <dt className="text-zinc-500">Sub type</dt>
            <dd className="font-mono">{event.SubType}</dd>
          </>
        ) : null}
        {operation ? (
          <>
            <dt className="text-zinc-500">Operation</dt>
            <dd>
              <button type="button" className="font-mono text-sky-700 hover:underline" onClick={() => onSelectOperation(operation.id)} data-testid="event-operation-link">
                {operationLabel(operation)}
              </button>
            </dd>
            <dt className="text-zinc-500">Its status</dt>
            <dd className="space-y-0.5" data-testid="event-operation-standing" data-abandoned={operation.abandoned ? "true" : undefined}>
              <StatusBadge status={operationStanding(operation).label} />
              <p className="text-zinc-700">{operationStanding(operation).summary}</p>
            </dd>
          </>
        ) : null}
      </dl>
      {details?.Input ? (
        <section className="space-y-1">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Input</h3>
          <JsonPayload payload={details.Input.Payload} truncated={details.Input.Truncated} />
        </section>
      ) : null}
      {details?.Result ? (
        <section className="space-y-1">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Result</h3>
          <JsonPayload payload={details.Result.Payload} truncated={details.Result.Truncated} />
        </section>
      ) : null}
      {details?.Error?.Payload && Object.keys(details.Error.Payload).length > 0 ? (
        <section className="space-y-1">
          <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Error</h3>
          <ErrorDetails error={details.Error.Payload} truncated={details.Error.Truncated} />
        </section>
      ) : null}
      <section className="space-y-1">
        <h3 className="text-xs font-semibold uppercase tracking-wide text-zinc-500">Event JSON</h3>
        <JsonPayload payload={JSON.stringify(event)} testId="event-json" />
      </section>
    </aside>
  );
}

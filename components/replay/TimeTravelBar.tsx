"use client";
import { isOpen, operationLabel, type OperationView, type ReplayUnit } from "@durable-lens/sdk/history";
import { useMemo } from "react";
import { formatTimestamp } from "@/lib/format";
import { operationStanding } from "@/components/execution/operation-standing";
import { SHORTCUT_KEYS as K } from "@/components/execution/use-keyboard-shortcuts";
import { PLAY_SPEEDS, type PlaySpeed, type TimeTravel } from "./use-time-travel";

/** Above this many invocations their ticks on the slider would merge into a bar; none are drawn. */
const MAX_TICKS = 200;
const PENDING_SHOWN = 8;

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

const button = "px-1.5 py-0.5 text-zinc-700 hover:bg-zinc-100 disabled:text-zinc-300 disabled:hover:bg-transparent";

/** `‹ unit ›`: one step back or forward by a unit. */
function Stepper({ unit, keys, travel, atStart, atEnd }: { unit: ReplayUnit; keys: [string, string]; travel: TimeTravel; atStart: boolean; atEnd: boolean }) {
  return (
    <div className="inline-flex items-center rounded-md border border-zinc-300 bg-white text-xs">
      <button type="button" className={`${button} rounded-l-md`} disabled={atStart} onClick={() => travel.step(unit, -1)} aria-label={`Back one ${unit}`} title={`Back one ${unit} (${keys[0]})`} data-testid={`tt-${unit}-back`}>
        ‹
      </button>
      <span className="border-x border-zinc-200 px-1.5 text-zinc-500">{unit}</span>
      <button type="button" className={`${button} rounded-r-md`} disabled={atEnd} onClick={() => travel.step(unit, 1)} aria-label={`Forward one ${unit}`} title={`Forward one ${unit} (${keys[1]})`} data-testid={`tt-${unit}-forward`}>
        ›
      </button>
    </div>
  );
}

/**
 * Operations that do the waiting: the execution and contexts only wait for what is inside them.
 *
 * @example operations.filter(isWork) // what a past point was waiting for (or left open)
 */
export const isWork = (op: OperationView) => isOpen(op) && op.type !== "EXECUTION" && op.type !== "CONTEXT";

/** What the execution left open when it ended, at a point after its end. */
function AbandonedWork({ operations, onSelect }: { operations: readonly OperationView[]; onSelect: (id: string) => void }) {
  const left = operations.filter((op) => op.abandoned && isWork(op));
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-1.5" data-testid="time-travel-abandoned">
      <span>the execution had ended{left.length > 0 ? "; never finished:" : ", nothing in progress"}</span>
      {left.slice(0, PENDING_SHOWN).map((op) => (
        <button key={op.id} type="button" onClick={() => onSelect(op.id)} className="rounded-full border border-dashed border-zinc-400 bg-white px-2 font-mono text-[11px] text-zinc-700 hover:bg-zinc-100" title={operationStanding(op).summary}>
          {operationLabel(op)}
        </button>
      ))}
      {left.length > PENDING_SHOWN ? <span>and {left.length - PENDING_SHOWN} more</span> : null}
    </span>
  );
}

/** The operations still going at the point shown: what the execution was waiting for then. */
function PendingWork({ operations, onSelect }: { operations: readonly OperationView[]; onSelect: (id: string) => void }) {
  const pending = useMemo(() => operations.filter(isWork), [operations]);
  if (operations.some((op) => op.executionEnd)) return <AbandonedWork operations={operations} onSelect={onSelect} />;
  if (pending.length === 0) return <span>no step, wait, callback or invoke in progress then</span>;
  return (
    <span className="flex min-w-0 flex-wrap items-center gap-1.5" data-testid="time-travel-pending">
      <span>pending then:</span>
      {pending.slice(0, PENDING_SHOWN).map((op) => (
        <button key={op.id} type="button" onClick={() => onSelect(op.id)} className="rounded-full border border-amber-300 bg-white px-2 font-mono text-[11px] text-amber-900 hover:bg-amber-100">
          {operationLabel(op)} <span className="text-amber-600">{op.status === "PENDING" ? "retry due" : op.type.toLowerCase().replace("_", " ")}</span>
        </button>
      ))}
      {pending.length > PENDING_SHOWN ? <span>and {pending.length - PENDING_SHOWN} more</span> : null}
    </span>
  );
}

/**
 * The time-travel scrubber: a slider over every event with the invocations marked, steps by
 * event, checkpoint and invocation, play and pause. While it shows a past point it turns amber and
 * says so ("Viewing as of event N · time · invocation k of m") with what was pending then and a
 * way back to the latest view, so a past state is never taken for the present.
 *
 * @example <TimeTravelBar travel={useTimeTravel(replay, url.at, change)} operations={model.order} onSelectOperation={selectOp} />
 */
export function TimeTravelBar({
  travel,
  operations,
  onSelectOperation,
  catchingUp = false,
}: {
  travel: TimeTravel;
  /** The operations as of the point shown. */
  operations: readonly OperationView[];
  onSelectOperation: (id: string) => void;
  /** True while the views still show the previous point (a big history takes a moment per point). */
  catchingUp?: boolean;
}) {
  const { replay, index, point, playing } = travel;
  const last = replay.points.length - 1;
  if (last < 0) return null;
  const shown = index ?? last;
  const travelling = point !== undefined;
  const ticks = replay.stops.invocation.length <= MAX_TICKS ? replay.stops.invocation : [];

  // The slider keeps the same place and width whether the bar shows the latest point or a past
  // one (a drag that starts in one state ends in the other): the banner gets a row of its own above.
  const banner = point ? (
    <div className="flex w-full flex-wrap items-center justify-between gap-x-4 gap-y-1">
      <p className="min-w-0 text-sm text-amber-950" role="status" data-testid="time-travel-banner">
        <strong>Viewing as of event {point.eventId.toLocaleString("en-US")}</strong>
        {point.eventType ? <span className="font-mono text-xs"> ({point.eventType})</span> : null}
        {" · "}
        <span className="font-mono text-xs">{formatTimestamp(point.time, true)}</span>
        {" · "}
        {replay.invocationCount > 0 ? `invocation ${point.invocation} of ${replay.invocationCount}` : "no invocation yet"}
        {catchingUp ? <span className="ml-2 text-xs text-amber-700">updating…</span> : null}
      </p>
      <button
        type="button"
        onClick={travel.leave}
        className="rounded-md bg-amber-600 px-3 py-1 text-xs font-medium text-white hover:bg-amber-700"
        title="Back to the latest view (Esc)"
        data-testid="time-travel-latest"
      >
        Back to latest
      </button>
    </div>
  ) : null;

  return (
    <section
      aria-label="Time travel"
      data-testid="time-travel"
      data-at={point?.eventId ?? ""}
      className={`flex flex-wrap items-center gap-x-4 gap-y-1.5 rounded-lg border px-4 py-1.5 ${travelling ? "sticky top-0 z-40 border-amber-300 bg-amber-50 shadow-sm" : "border-zinc-200 bg-white"}`}
    >
      {banner}
      <strong className={`w-12 shrink-0 text-sm ${travelling ? "text-amber-800" : "text-zinc-800"}`}>{travelling ? "Past" : "Latest"}</strong>
      <div className="flex min-w-[min(32rem,100%)] flex-1 flex-wrap items-center gap-2">
        <button
          type="button"
          onClick={travel.togglePlay}
          className="w-16 rounded-md border border-zinc-300 bg-white px-2 py-0.5 text-xs text-zinc-800 hover:bg-zinc-100"
          aria-label={playing ? "Pause" : "Play"}
          title={`${playing ? "Pause" : "Play"} (${K.play})`}
          data-testid="tt-play"
          data-playing={playing}
        >
          {playing ? "❚❚ Pause" : "▶ Play"}
        </button>
        <select
          value={travel.speed}
          onChange={(e) => travel.setSpeed(Number(e.target.value) as PlaySpeed)}
          className="rounded-md border border-zinc-300 bg-white px-1 py-0.5 text-xs text-zinc-700"
          aria-label="Play speed"
        >
          {PLAY_SPEEDS.map((s) => (
            <option key={s} value={s}>
              {s} events/s
            </option>
          ))}
        </select>
        <Stepper unit="event" keys={[K.eventBack, K.eventForward]} travel={travel} atStart={shown === 0} atEnd={shown === last} />
        <Stepper unit="checkpoint" keys={[K.checkpointBack, K.checkpointForward]} travel={travel} atStart={shown === 0} atEnd={shown === last} />
        <Stepper unit="invocation" keys={[K.invocationBack, K.invocationForward]} travel={travel} atStart={shown === 0} atEnd={shown === last} />
        <div className="relative min-w-[12rem] flex-1">
          {last > 0
            ? ticks.map((i) => (
                <span key={i} className="pointer-events-none absolute -top-0.5 h-1.5 w-px bg-zinc-400" style={{ left: `${(i / last) * 100}%` }} aria-hidden />
              ))
            : null}
          <input
            type="range"
            min={0}
            max={last}
            step={1}
            value={shown}
            onChange={(e) => travel.seek(Number(e.target.value))}
            aria-label="Event to view the execution as of"
            aria-valuetext={`event ${replay.points[shown]!.eventId}`}
            className={`w-full ${travelling ? "accent-amber-600" : "accent-zinc-500"}`}
            title={`Drag, or press ${K.eventBack} and ${K.eventForward}, to travel in time`}
            data-testid="time-travel-slider"
          />
        </div>
      </div>
      <p className="shrink-0 text-xs text-zinc-600" data-testid={travelling ? "time-travel-counts" : "time-travel-latest-note"}>
        {count(last + 1, "event")} · {count(replay.checkpointCount, "checkpoint")} · {count(replay.invocationCount, "invocation")}
      </p>
      {travelling ? (
        <div className="w-full text-xs text-amber-900">
          <PendingWork operations={operations} onSelect={onSelectOperation} />
        </div>
      ) : null}
    </section>
  );
}

"use client";
import { buildReplayPoints, filterEventRows, operationLabel, type EventRow } from "@durable-lens/sdk/history";
import type { Event } from "@durable-lens/sdk/protocol";
import { Suspense, useCallback, useDeferredValue, useMemo, useRef, useState, type CSSProperties, type ReactNode } from "react";
import type { ExecutionDetail } from "@/lib/api-types";
import { EventInspector } from "@/components/events/EventInspector";
import { EventsView } from "@/components/events/EventsView";
import { ExecutionGraph } from "@/components/graph/ExecutionGraph";
import { useGraphModel } from "@/components/graph/use-graph-model";
import { Loading } from "@/components/ui/Loading";
import { Timeline } from "@/components/timeline/Timeline";
import { isWork, TimeTravelBar } from "@/components/replay/TimeTravelBar";
import { useTimeTravel } from "@/components/replay/use-time-travel";
import { ExecutionHeader } from "./ExecutionHeader";
import { FullscreenButton } from "./FullscreenButton";
import { executionFacts } from "./execution-facts";
import { HealthStrip, HealthSummary } from "./HealthStrip";
import { HistoryProblems } from "./HistoryProblems";
import { OperationInspector } from "./OperationInspector";
import { Popover } from "./Popover";
import { matchCount, matchingIds, operationMatches, stepIndex, visibleNodeId } from "./selection";
import { ShortcutHints } from "./ShortcutHints";
import { SplitHandle } from "./SplitHandle";
import { useFillViewport } from "./use-fill-viewport";
import { useFullscreen } from "./use-fullscreen";
import { useStoredWidth } from "./use-stored-width";
import { useExecutionModel } from "./use-execution-model";
import { useKeyboardShortcuts } from "./use-keyboard-shortcuts";
import { useWorkspaceSearch } from "./use-workspace-search";
import { useWorkspaceUrl } from "./use-workspace-url";
import { WorkspaceTabs } from "./WorkspaceTabs";
import { readWorkspaceState, type WorkspaceTab } from "./workspace-url";

export interface ExecutionWorkspaceProps {
  /** The history's events, already read with `parseHistory` (typed, timestamps as Dates). */
  events: readonly Event[];
  /** The GetDurableExecution summary, when the execution came from a service. */
  execution?: ExecutionDetail;
  /** Where the history came from: a service (may still change) or a file (fixed). */
  source: "live" | "file";
  /** What `parseHistory` could not read, shown so a partial picture is not taken for a whole one. */
  problems?: readonly string[];
  /** True when only the first part of a long history could be loaded. */
  historyTruncated?: boolean;
  /** The header's title when there is no execution summary (e.g. the file name). */
  title?: string;
  /** What can be done to a live execution (stop, start again), shown above it; hidden while time travelling, as a past state cannot be acted on. */
  actions?: ReactNode;
}

const NO_PROBLEMS: readonly string[] = [];

function WorkspaceBody({ events, execution, source, problems = NO_PROBLEMS, historyTruncated = false, title, actions }: ExecutionWorkspaceProps) {
  const [url, change] = useWorkspaceUrl();
  const { tab, opId, eventId } = url;

  // Time travel: the bar follows the scrubber at once; the views follow the deferred point, so a
  // big history that takes a moment per point never holds up the slider.
  const models = useExecutionModel(events);
  const latest = models.latest;
  const replay = useMemo(() => buildReplayPoints(events, latest.projection), [events, latest]);
  const travel = useTimeTravel(replay, url.at, change);
  const shownPoint = useDeferredValue(travel.point);
  const model = useMemo(() => (shownPoint ? models.asOf(shownPoint) : latest), [models, latest, shownPoint]);

  // One search per scope (operations on Graph and Timeline, events on Events), so a filter typed on one tab never dims another.
  const search = useWorkspaceSearch(url, change);
  const searchRef = useRef<HTMLInputElement>(null);
  const [types, setTypes] = useState<ReadonlySet<string>>(new Set());

  const { graph: graphModel, toggleGroup, showMore } = useGraphModel(model.projection.operations, model.defaultCollapsed);
  const drawn = useMemo(() => new Set(graphModel.nodes.map((n) => n.id)), [graphModel]);
  const matches = useMemo(() => matchingIds(model.projection.operations, model.byId, search.operations), [model, search.operations]);

  const rows = tab === "events" || eventId !== undefined ? model.eventRows() : undefined;
  const filteredRows = useMemo(() => (rows ? filterEventRows(rows, { types, text: search.events }) : []), [rows, types, search.events]);
  const timeline = tab === "timeline" ? model.timeline() : undefined;

  // The header describes the execution as it stands; the time-travel bar below it says what the views show.
  const root = latest.projection.operations.find((op) => op.type === "EXECUTION");
  const facts = useMemo(() => executionFacts(execution, root, title), [execution, root, title]);
  const allProblems = useMemo(() => [...problems, ...model.projection.problems], [problems, model]);

  const selectedOp = opId ? model.byId.get(opId) : undefined;
  const selectedEvent = eventId !== undefined ? model.eventById.get(eventId) : undefined;

  const selectOp = useCallback((id: string | undefined, mode: "push" | "replace" = "push") => change({ op: id, event: undefined }, mode), [change]);
  const selectEvent = useCallback((id: number | undefined, mode: "push" | "replace" = "push") => change({ event: id, op: undefined }, mode), [change]);
  const onSelectRow = useCallback((row: EventRow) => selectEvent(row.eventId), [selectEvent]);
  const setTab = (t: WorkspaceTab) => change({ tab: t }, "push");

  const step = (direction: 1 | -1) => {
    // The address bar, not the last render: a held j fires faster than the URL reaches React.
    const current = readWorkspaceState(new URLSearchParams(window.location.search));
    if (tab === "events") {
      const i = stepIndex(filteredRows.findIndex((r) => r.eventId === current.eventId), direction, filteredRows.length);
      const row = i === undefined ? undefined : filteredRows[i];
      if (row?.eventId !== undefined) selectEvent(row.eventId, "replace");
      return;
    }
    const list = search.operations.trim() ? model.order.filter((op) => operationMatches(op, search.operations)) : model.order;
    const i = stepIndex(list.findIndex((op) => op.id === current.opId), direction, list.length);
    const op = i === undefined ? undefined : list[i];
    if (op) selectOp(op.id, "replace");
  };
  useKeyboardShortcuts({
    next: () => step(1),
    previous: () => step(-1),
    search: () => searchRef.current?.focus(),
    clear: () => {
      if (travel.point) travel.leave();
      else if (opId || eventId !== undefined) change({ op: undefined, event: undefined }, "push");
    },
    eventBack: () => travel.step("event", -1),
    eventForward: () => travel.step("event", 1),
    checkpointBack: () => travel.step("checkpoint", -1),
    checkpointForward: () => travel.step("checkpoint", 1),
    invocationBack: () => travel.step("invocation", -1),
    invocationForward: () => travel.step("invocation", 1),
    play: travel.togglePlay,
  });
  const onSubmitSearch = () => {
    if (tab === "events") {
      const first = filteredRows[0];
      if (first?.eventId !== undefined) selectEvent(first.eventId);
    } else {
      const first = model.order.find((op) => operationMatches(op, search.text));
      if (first) selectOp(first.id);
    }
  };

  // What a past point waits for stays in view as the scrubber moves (drawn as itself or its closed group).
  const follow = useMemo(() => {
    if (!shownPoint) return undefined;
    const ids = model.order.filter(isWork).map((op) => visibleNodeId(op.id, model.byId, drawn));
    return ids.filter((id): id is string => id !== undefined);
  }, [shownPoint, model, drawn]);

  const [fillRef, fillHeight] = useFillViewport<HTMLDivElement>({ min: 520, gap: 8 });
  const inspectorWidth = useStoredWidth("durable-lens:inspector-width", { initial: 320, min: 260, max: 880 });
  const fullscreen = useFullscreen();

  const graphSelected = visibleNodeId(selectedOp?.id, model.byId, drawn);
  const standIn = graphSelected !== selectedOp?.id && graphSelected ? graphModel.nodes.find((n) => n.id === graphSelected) : undefined;

  const views = (
    <>
      {tab === "graph" && standIn ? (
        <p className="border-b border-zinc-200 bg-sky-50 px-3 py-1 text-xs text-sky-900" data-testid="hidden-selection">
          {standIn.kind === "more" ? (
            <>
              The selected operation is among the {standIn.more!.hidden.toLocaleString("en-US")} not drawn yet.{" "}
              <button type="button" className="underline" onClick={() => showMore(standIn.more!.groupId)}>
                Show more
              </button>
            </>
          ) : (
            <>
              The selected operation is inside the closed group “{operationLabel(standIn.operation)}”.{" "}
              <button type="button" className="underline" onClick={() => toggleGroup(standIn.id)}>
                Expand it
              </button>
            </>
          )}
        </p>
      ) : null}
      <div className="min-h-0 flex-1" role="tabpanel" aria-label={tab}>
        {tab === "graph" ? (
          graphModel.nodes.length > 0 ? (
            <ExecutionGraph
              model={graphModel}
              selectedId={graphSelected}
              onSelect={selectOp}
              onToggleGroup={toggleGroup}
              onShowMore={showMore}
              matches={matches}
              follow={follow}
            />
          ) : (
            <p className="p-6 text-sm text-zinc-500">The history has no operations yet.</p>
          )
        ) : null}
        {tab === "timeline" && timeline ? (
          <Timeline model={timeline} selectedId={opId} onSelect={selectOp} onSelectEvent={selectEvent} query={search.operations} />
        ) : null}
        {tab === "events" && rows ? (
          <EventsView
            events={model.events}
            rows={rows}
            filtered={filteredRows}
            types={types}
            onTypesChange={setTypes}
            selectedEventId={eventId}
            onSelect={onSelectRow}
            executionName={facts.name}
          />
        ) : null}
      </div>
    </>
  );

  const inspector = selectedOp ? (
    <OperationInspector
      operation={selectedOp}
      byId={model.byId}
      onSelect={selectOp}
      onSelectEvent={selectEvent}
      onClose={() => selectOp(undefined)}
      asOf={shownPoint}
    />
  ) : selectedEvent ? (
    <EventInspector
      event={selectedEvent}
      operation={selectedEvent.Id ? model.byId.get(selectedEvent.Id) : undefined}
      onSelectOperation={selectOp}
      onClose={() => selectEvent(undefined)}
    />
  ) : (
    <div className="hidden space-y-2 rounded-lg border border-dashed border-zinc-300 p-6 text-sm text-zinc-500 lg:block">
      {opId || eventId !== undefined ? (
        <p data-testid="selection-missing">
          The selected {opId ? "operation" : "event"} {shownPoint ? "had not happened yet at this point" : "is not in this history"}.
        </p>
      ) : null}
      <p>Select an operation or an event to see its input, result, errors and attempts.</p>
      <ShortcutHints />
    </div>
  );

  return (
    // From lg up the workspace ends at the window's bottom: the views take what the header leaves.
    <div
      ref={fillRef}
      className="flex flex-col gap-2 lg:h-(--workspace-height)"
      style={{ "--workspace-height": fillHeight ? `${fillHeight}px` : "calc(100dvh - 8rem)" } as CSSProperties}
      data-testid="execution-workspace"
      data-wide-page
    >
      <ExecutionHeader execution={facts} source={source} actions={travel.point ? null : actions}>
        <Popover label={<HealthSummary health={model.health} />} testId="health" align="right">
          <HealthStrip health={model.health} onSelectOperation={(id) => selectOp(id)} />
        </Popover>
      </ExecutionHeader>
      {historyTruncated ? (
        <p className="rounded-md bg-amber-50 px-3 py-1 text-xs text-amber-900">This history is very long; only its first part is shown.</p>
      ) : null}
      {allProblems.length > 0 ? <HistoryProblems problems={allProblems} /> : null}
      {/* The operation view: time travel, the views and the inspector; fullscreen takes the whole window. */}
      <div
        className={fullscreen.on ? "fixed inset-0 z-50 flex flex-col gap-2 bg-zinc-50 p-3" : "flex min-h-0 flex-1 flex-col gap-2"}
        data-testid="operation-view"
        data-fullscreen={fullscreen.on}
        role={fullscreen.on ? "region" : undefined}
        aria-label={fullscreen.on ? "Operation view, fullscreen" : undefined}
      >
        <TimeTravelBar travel={travel} operations={model.order} onSelectOperation={selectOp} catchingUp={shownPoint !== travel.point} />
        <div className="flex min-h-0 flex-1 flex-col gap-2 lg:flex-row lg:gap-0">
          <section className="flex h-[70vh] min-h-0 min-w-0 flex-1 flex-col overflow-hidden rounded-lg border border-zinc-200 bg-white lg:h-auto" data-testid="views-panel">
            <WorkspaceTabs
              tab={tab}
              onTab={setTab}
              query={search.text}
              onQuery={search.setText}
              found={tab === "events" ? (search.events.trim() ? filteredRows.length : undefined) : matchCount(model.order, search.operations)}
              onSubmit={onSubmitSearch}
              searchRef={searchRef}
              counts={{ graph: model.health.operations, events: model.events.length }}
            >
              <FullscreenButton on={fullscreen.on} onToggle={fullscreen.toggle} />
            </WorkspaceTabs>
            {views}
          </section>
          <SplitHandle pane={inspectorWidth} />
          {/* The column stays in place with or without a selection, so the views never change size under the user. */}
          <aside
            className="min-h-0 w-full overflow-y-auto lg:w-(--inspector-width) lg:max-w-[60%] lg:shrink-0"
            style={{ "--inspector-width": `${inspectorWidth.width}px` } as CSSProperties}
            aria-label="Inspector"
            data-testid="inspector-column"
          >
            {inspector}
          </aside>
        </div>
      </div>
    </div>
  );
}

/**
 * Everything about one execution below the breadcrumb: a two-line header (with the limits), then
 * the operation view filling the rest of the window: time travel, the Graph / Timeline / Events
 * views and the inspector beside them (a resizable split), with a fullscreen mode. Driven by props
 * only, so a live execution and an opened file render the same way; the view, the selection and the point in time live in the URL (`?tab=`,
 * `?op=`, `?event=`, `?q=`, `?at=`). With `?at=` the views show the execution as it stood at that
 * event, and the live execution's actions are hidden.
 *
 * @example <ExecutionWorkspace events={parseHistory(json).events} source="file" title="orders.json" />
 */
export function ExecutionWorkspace(props: ExecutionWorkspaceProps) {
  // useSearchParams needs a Suspense boundary on pages that are rendered ahead of time.
  return (
    <Suspense fallback={<Loading label="Opening the execution…" />}>
      <WorkspaceBody {...props} />
    </Suspense>
  );
}

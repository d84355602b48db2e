"use client";
import { useReactFlow, useStore, type OnMove } from "@xyflow/react";
import { useCallback, useEffect, useMemo, useRef, useState, type RefObject } from "react";
import type { FlowGraph, FlowNode } from "./layout";
import { absoluteBoxes, boundsOf, fitViewport, holdViewport, revealViewport, sameViewport, screenBox, type Box, type Size, type Viewport } from "./viewport";

/** How long a programmatic move takes, so the eye can follow where the view went. */
const MOVE_MS = 200;

export interface GraphViewportInputs {
  /** The laid-out graph; undefined while the first layout runs. */
  graph: FlowGraph | undefined;
  /** Counts layouts: a new one means nodes moved, a refresh with the same count only changed data. */
  version: number;
  /** The selected node, brought into view when it was selected from elsewhere (keys, timeline, URL). */
  selectedId: string | undefined;
  /** The node the user just clicked: already where they look, so it is not moved to. */
  clicked: RefObject<string | undefined>;
  /** Nodes to keep in view as they change (time travel's pending work): the first is brought in. */
  follow: readonly string[] | undefined;
}

export interface GraphViewport {
  /** True once the user panned or zoomed: the view is theirs, content changes no longer re-fit it. */
  moved: boolean;
  /** Fits the whole graph again and hands the view back to the page. */
  fit: () => void;
  /** Keeps `id` where it is on screen through the next layout (a group the user opens or closes). */
  hold: (id: string) => void;
  /** For React Flow's `onMove`: a move with an input event is the user's. */
  onMove: OnMove;
  /** For the controls and the minimap, which move the view without an input event. */
  markMoved: () => void;
}

/** The start node: the execution's, else the first drawn. */
function startBox(graph: FlowGraph, boxes: ReadonlyMap<string, Box>): Box | undefined {
  const start = graph.nodes.find((n) => n.data.node.kind === "execution") ?? graph.nodes[0];
  return start ? boxes.get(start.id) : undefined;
}

/**
 * The graph's camera. It fits the graph when it first shows and again whenever the layout or the
 * pane's size changes, until the user moves the view themselves; from then on it leaves the view
 * alone (the page offers `fit`), except to bring in what the page asks to follow or select, and
 * to keep an opened group under the pointer.
 *
 * @example const view = useGraphViewport({ graph, version, selectedId, clicked, follow });
 */
export function useGraphViewport({ graph, version, selectedId, clicked, follow }: GraphViewportInputs): GraphViewport {
  const flow = useReactFlow<FlowNode>();
  const width = useStore((s) => s.width);
  const height = useStore((s) => s.height);
  const ready = useStore((s) => s.panZoom !== null);
  const [moved, setMoved] = useState(false);
  const movedRef = useRef(false);
  const held = useRef<{ id: string; screen: { x: number; y: number } }>(undefined);
  const last = useRef<{ version: number; width: number; height: number; follow: string; selectedId: string | undefined }>(undefined);
  const boxes = useMemo(() => (graph ? absoluteBoxes(graph.nodes) : new Map<string, Box>()), [graph]);

  const fitAll = useCallback(
    (pane: Size): Viewport | undefined => {
      const content = boundsOf(boxes.values());
      return content && graph ? fitViewport(content, pane, startBox(graph, boxes)) : undefined;
    },
    [boxes, graph],
  );

  const followKey = follow?.join("|") ?? "";
  useEffect(() => {
    if (!graph || !ready || width === 0 || height === 0) return;
    const pane = { width, height };
    const prev = last.current;
    last.current = { version, width, height, follow: followKey, selectedId };
    const relaidOut = !prev || prev.version !== version || prev.width !== width || prev.height !== height;
    const current = flow.getViewport();
    const own = !movedRef.current;
    let next = current;
    const reveal = (id: string | undefined) => {
      const box = id === undefined ? undefined : boxes.get(id);
      if (box) next = revealViewport(box, next, pane);
    };

    const h = relaidOut ? held.current : undefined;
    if (relaidOut) held.current = undefined;
    const heldBox = h ? boxes.get(h.id) : undefined;
    if (relaidOut && own) next = fitAll(pane) ?? next;
    else if (heldBox && h) next = holdViewport(heldBox, h.screen, current.zoom);

    const selectedChanged = prev?.selectedId !== selectedId;
    if (selectedId && clicked.current !== selectedId && (selectedChanged || (relaidOut && own))) reveal(selectedId);
    // A click counts once: the same node selected later from elsewhere is brought into view again.
    if (selectedChanged && clicked.current !== selectedId) clicked.current = undefined;
    if (follow?.length && (prev?.follow !== followKey || (relaidOut && own))) reveal(follow[0]);
    // The group the user just opened comes last: it is what they are looking at now.
    if (heldBox) reveal(h!.id);

    if (!sameViewport(next, current)) void flow.setViewport(next, { duration: prev ? MOVE_MS : 0 });
    // `follow` is read through its key; `clicked` is a ref.
  }, [graph, boxes, version, width, height, ready, followKey, selectedId, flow, fitAll]);

  const fit = useCallback(() => {
    movedRef.current = false;
    setMoved(false);
    const next = fitAll({ width, height });
    if (next) void flow.setViewport(next, { duration: MOVE_MS });
  }, [fitAll, flow, width, height]);

  const hold = useCallback(
    (id: string) => {
      const box = boxes.get(id);
      if (box) held.current = { id, screen: screenBox(box, flow.getViewport()) };
    },
    [boxes, flow],
  );

  const markMoved = useCallback(() => {
    movedRef.current = true;
    setMoved(true);
  }, []);

  const onMove = useCallback<OnMove>((event) => {
    if (event) markMoved();
  }, [markMoved]);

  return { moved, fit, hold, onMove, markMoved };
}

"use client";
import { buildGraphModel, DEFAULT_PAGE_SIZE, type GraphModel, type OperationView } from "@durable-lens/sdk/history";
import { useCallback, useMemo, useState } from "react";

/**
 * Which groups the user opened or closed, over the defaults (big groups start closed, and a
 * fan-out's items start folded into its grid: opening one draws it with its operations).
 */
function useCollapsedGroups(defaults: ReadonlySet<string>) {
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const collapsed = useMemo(() => {
    const out = new Set(defaults);
    for (const [id, closed] of overrides) {
      if (closed) out.add(id);
      else out.delete(id);
    }
    return out;
  }, [defaults, overrides]);
  const toggle = useCallback((id: string) => {
    setOverrides((prev) => new Map(prev).set(id, !(prev.get(id) ?? defaults.has(id))));
  }, [defaults]);
  return [collapsed, toggle] as const;
}

/**
 * The graph model of `operations` with what the user did to it: groups opened or closed (over
 * `defaultCollapsed`) and further pages of a level asked for.
 *
 * @example const { graph, toggleGroup, showMore } = useGraphModel(projection.operations, defaults);
 */
export function useGraphModel(operations: readonly OperationView[], defaultCollapsed: ReadonlySet<string>): { graph: GraphModel; toggleGroup: (id: string) => void; showMore: (groupId: string | undefined) => void } {
  const [collapsed, toggleGroup] = useCollapsedGroups(defaultCollapsed);
  const [shown, setShown] = useState<ReadonlyMap<string, number>>(new Map());
  const showMore = useCallback((groupId: string | undefined) => {
    setShown((prev) => new Map(prev).set(groupId ?? "", (prev.get(groupId ?? "") ?? DEFAULT_PAGE_SIZE) + DEFAULT_PAGE_SIZE));
  }, []);
  const graph = useMemo(() => buildGraphModel(operations, { collapsed, shown }), [operations, collapsed, shown]);
  return { graph, toggleGroup, showMore };
}

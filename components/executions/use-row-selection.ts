"use client";
import { useCallback, useMemo, useRef, useState } from "react";
import { clickRow, keepSelectable } from "./row-selection";

export interface RowSelection {
  /** The ticked rows among those that can be ticked now. */
  selected: ReadonlySet<string>;
  /** The rows that can be ticked, in page order. */
  selectable: readonly string[];
  /** A click on a row's box; `range` (shift held) ticks or clears from the last clicked row. */
  click: (key: string, checked: boolean, range: boolean) => void;
  /** Ticks every selectable row, or none. */
  setAll: (checked: boolean) => void;
  clear: () => void;
}

/**
 * Row ticks of a list page. Ticks of rows that leave the page or stop being selectable (an
 * execution that finished) drop out on their own.
 *
 * @example const selection = useRowSelection(rows.filter((r) => r.status === "RUNNING").map((r) => r.arn));
 */
export function useRowSelection(selectable: readonly string[]): RowSelection {
  const [picked, setPicked] = useState<ReadonlySet<string>>(new Set());
  const anchor = useRef<string | undefined>(undefined);
  const selected = useMemo(() => keepSelectable(picked, selectable), [picked, selectable]);
  const click = useCallback(
    (key: string, checked: boolean, range: boolean) => {
      setPicked(clickRow(selected, selectable, anchor.current, key, checked, range));
      anchor.current = key;
    },
    [selected, selectable],
  );
  const setAll = useCallback((checked: boolean) => setPicked(new Set(checked ? selectable : [])), [selectable]);
  const clear = useCallback(() => setPicked(new Set()), []);
  return { selected, selectable, click, setAll, clear };
}

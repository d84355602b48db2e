/**
 * Which rows of a list are ticked, kept by key: a click ticks one row, a shift-click ticks (or
 * clears) every row between the last clicked one and this one, and "all" covers the page.
 */

/**
 * The selection after a click on `key`: with `range` and an anchor still on the page, every
 * selectable row between the anchor and `key` takes the clicked row's new state.
 *
 * @example clickRow(new Set(["a"]), ["a", "b", "c"], "a", "c", true, true) // Set {"a", "b", "c"}
 */
export function clickRow(
  selected: ReadonlySet<string>,
  keys: readonly string[],
  anchor: string | undefined,
  key: string,
  checked: boolean,
  range: boolean,
): Set<string> {
  const next = new Set(selected);
  const from = anchor === undefined ? -1 : keys.indexOf(anchor);
  const to = keys.indexOf(key);
  const span = range && from >= 0 && to >= 0 ? keys.slice(Math.min(from, to), Math.max(from, to) + 1) : [key];
  for (const k of span) {
    if (checked) next.add(k);
    else next.delete(k);
  }
  return next;
}

/**
 * The selection restricted to the rows that can still be selected (the page changed, a row finished).
 *
 * @example keepSelectable(new Set(["a", "gone"]), ["a", "b"]) // Set {"a"}
 */
export function keepSelectable(selected: ReadonlySet<string>, selectable: readonly string[]): Set<string> {
  return new Set(selectable.filter((k) => selected.has(k)));
}

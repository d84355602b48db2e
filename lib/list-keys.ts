/**
 * Keyboard shortcuts of lists (j/k to move, Enter or o to open, / to search), as a pure mapping
 * from key events so it can be tested without a browser. Arrow keys are left to the browser:
 * taking them would stop the page from scrolling.
 */

export type ListKeyAction = "next" | "previous" | "open" | "search";

/** The parts of a KeyboardEvent the mapping looks at. */
export interface KeyLike {
  key: string;
  ctrlKey?: boolean;
  metaKey?: boolean;
  altKey?: boolean;
  target?: EventTarget | null;
}

/** Typing into a field must never be taken for a shortcut. */
function tagOf(target: EventTarget | null | undefined): string {
  const el = target as { tagName?: unknown } | null | undefined;
  return typeof el?.tagName === "string" ? el.tagName.toUpperCase() : "";
}

function isEditable(target: EventTarget | null | undefined): boolean {
  if ((target as { isContentEditable?: unknown } | null | undefined)?.isContentEditable === true) return true;
  const tag = tagOf(target);
  return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT";
}

/**
 * The list action a key press asks for, or undefined when it is not a list shortcut.
 *
 * @example listKeyAction({ key: "j" }) // "next"
 */
export function listKeyAction(event: KeyLike): ListKeyAction | undefined {
  if (event.ctrlKey || event.metaKey || event.altKey) return undefined;
  if (isEditable(event.target)) return undefined;
  switch (event.key) {
    case "j":
      return "next";
    case "k":
      return "previous";
    case "Enter": {
      // Enter on a focused link or button already does what that element does.
      const tag = tagOf(event.target);
      return tag === "A" || tag === "BUTTON" ? undefined : "open";
    }
    case "o":
      return "open";
    case "/":
      return "search";
    default:
      return undefined;
  }
}

/**
 * The key of the row after (or before) the active one; with none active, the first (or last).
 * Stays on the ends instead of wrapping, so holding j stops at the bottom.
 *
 * @example moveActive(["a", "b", "c"], "b", 1) // "c"
 */
export function moveActive<K>(keys: readonly K[], active: K | undefined, delta: 1 | -1): K | undefined {
  if (keys.length === 0) return undefined;
  const index = active === undefined ? -1 : keys.indexOf(active);
  if (index === -1) return delta === 1 ? keys[0] : keys[keys.length - 1];
  return keys[Math.min(keys.length - 1, Math.max(0, index + delta))];
}

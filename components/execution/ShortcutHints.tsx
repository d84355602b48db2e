import { Kbd } from "@/components/ui/Kbd";
import { SHORTCUT_KEYS as K } from "./use-keyboard-shortcuts";

const HINTS: ReadonlyArray<[keys: readonly string[], what: string]> = [
  [[K.next, K.previous], "step through operations (events on the Events tab)"],
  [[K.search], "search"],
  [[K.eventBack, K.eventForward], "travel back / forward one event"],
  [[K.checkpointBack, K.checkpointForward], "one checkpoint"],
  [[K.invocationBack, K.invocationForward], "one invocation"],
  [[K.play], "play / pause"],
  [["Esc"], "leave fullscreen, then back to the latest view, then clear the selection"],
];

/**
 * The execution page's keyboard shortcuts, from the same table the page listens with.
 *
 * @example <ShortcutHints />
 */
export function ShortcutHints() {
  return (
    <dl className="grid grid-cols-[auto_1fr] gap-x-2 gap-y-1 text-xs" data-testid="shortcut-hints">
      {HINTS.map(([keys, what]) => (
        <div key={keys.join("")} className="contents">
          <dt className="flex gap-0.5">
            {keys.map((k) => (
              <Kbd key={k}>{k}</Kbd>
            ))}
          </dt>
          <dd>{what}</dd>
        </div>
      ))}
    </dl>
  );
}

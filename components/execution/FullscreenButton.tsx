/**
 * Enters or leaves the operation view's fullscreen mode (Escape leaves it too).
 *
 * @example <FullscreenButton on={fullscreen.on} onToggle={fullscreen.toggle} />
 */
export function FullscreenButton({ on, onToggle }: { on: boolean; onToggle: () => void }) {
  return (
    <button
      type="button"
      onClick={onToggle}
      aria-pressed={on}
      title={on ? "Leave fullscreen (Esc)" : "Fullscreen: the views and the inspector take the whole window"}
      className="inline-flex items-center gap-1.5 rounded-md border border-zinc-300 bg-white px-2 py-1 text-xs text-zinc-700 hover:bg-zinc-100"
      data-testid="fullscreen-toggle"
    >
      <svg viewBox="0 0 16 16" className="h-3.5 w-3.5" fill="none" stroke="currentColor" strokeWidth="1.5" aria-hidden>
        {on ? <path d="M6 2v4H2M10 2v4h4M6 14v-4H2M10 14v-4h4" /> : <path d="M2 6V2h4M14 6V2h-4M2 10v4h4M14 10v4h-4" />}
      </svg>
      {on ? "Exit fullscreen" : "Fullscreen"}
    </button>
  );
}

"use client";
import "./globals.css";

/**
 * Shown when the root layout itself fails (app/error.tsx only covers what is inside it), so even
 * then the page says what happened instead of going blank. It replaces the whole document.
 */
export default function GlobalError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <html lang="en">
      <body className="min-h-screen p-8">
        <div role="alert" data-testid="error-box" className="mx-auto max-w-2xl rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
          <p className="font-semibold">Durable Lens could not show this page</p>
          <p className="mt-1 whitespace-pre-wrap break-words">{error.message || "Unknown error"}</p>
          {error.digest ? <p className="mt-1 font-mono text-xs text-red-700">{error.digest}</p> : null}
          <button type="button" onClick={reset} className="mt-3 rounded border border-red-300 bg-white px-3 py-1 text-sm hover:bg-red-100">
            Try again
          </button>
        </div>
      </body>
    </html>
  );
}

import type { ReactNode } from "react";

/** A clear, visible error message; used wherever a request or a render can fail. */
export function ErrorBox({ title, message, code, children }: { title: string; message: string; code?: string; children?: ReactNode }) {
  return (
    <div role="alert" data-testid="error-box" data-code={code} className="rounded-lg border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p className="font-semibold">
        {title}
        {code ? <span className="ml-2 font-mono text-xs font-normal text-red-700">{code}</span> : null}
      </p>
      <p className="mt-1 whitespace-pre-wrap break-words">{message}</p>
      {children ? <div className="mt-3">{children}</div> : null}
    </div>
  );
}

/** An error box for a failed query, reading the message and code off the error; `children` go below (e.g. a retry button). */
export function QueryErrorBox({ title, error, children }: { title: string; error: unknown; children?: ReactNode }) {
  const message = error instanceof Error ? error.message : String(error);
  const code = typeof error === "object" && error !== null && "code" in error && typeof error.code === "string" ? error.code : undefined;
  return (
    <ErrorBox title={title} message={message} code={code}>
      {children}
    </ErrorBox>
  );
}

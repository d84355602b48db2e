"use client";
import { useState } from "react";
import { cliSnippet, codeSnippet, type SnippetAnswer } from "@/lib/callback-snippets";
import { useTarget } from "@/lib/queries";
import { CopyButton } from "@/components/ui/CopyButton";

/**
 * The same answer from a terminal (AWS CLI) or from code (`@aws-sdk/client-lambda`), ready to copy.
 *
 * @example <CallbackSnippets callbackId={id} answer={{ action: "succeed", result: '{"approved":true}' }} />
 */
export function CallbackSnippets({ callbackId, answer }: { callbackId: string; answer: SnippetAnswer }) {
  const { data: target } = useTarget();
  const [kind, setKind] = useState<"cli" | "code">("cli");
  const text = kind === "cli" ? cliSnippet(callbackId, answer, target) : codeSnippet(callbackId, answer, target);
  return (
    <div className="space-y-2" data-testid="callback-snippets">
      <div className="flex items-center justify-between gap-2">
        <div role="tablist" aria-label="Snippet" className="inline-flex gap-3 text-xs">
          {(["cli", "code"] as const).map((k) => (
            <button
              key={k}
              type="button"
              role="tab"
              aria-selected={kind === k}
              onClick={() => setKind(k)}
              className={kind === k ? "font-semibold text-zinc-900 underline underline-offset-4" : "text-zinc-500 hover:text-zinc-800"}
            >
              {k === "cli" ? "AWS CLI" : "@aws-sdk/client-lambda"}
            </button>
          ))}
        </div>
        <CopyButton value={text} label={kind === "cli" ? "Copy command" : "Copy code"} />
      </div>
      <pre className="max-h-64 overflow-auto rounded-md bg-zinc-900 p-3 font-mono text-[11px] leading-relaxed text-zinc-100" data-testid="snippet-text">
        {text}
      </pre>
    </div>
  );
}

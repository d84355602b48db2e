import type { Metadata } from "next";
import { Suspense } from "react";
import { ExecutionDiffView } from "@/components/diff/ExecutionDiffView";
import { Loading } from "@/components/ui/Loading";

export const metadata: Metadata = { title: "Compare executions · Durable Lens" };

export default function DiffPage() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Compare executions</h1>
        <p className="text-sm text-zinc-600">Operations of both executions side by side, matched by their position in the code: what was added, removed or changed, and how timings moved.</p>
      </div>
      {/* The executions come from the URL, which needs a Suspense boundary. */}
      <Suspense fallback={<Loading label="Opening the comparison…" />}>
        <ExecutionDiffView />
      </Suspense>
    </div>
  );
}

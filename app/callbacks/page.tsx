import type { Metadata } from "next";
import { Suspense } from "react";
import { CallbackInbox } from "@/components/callbacks/CallbackInbox";
import { Loading } from "@/components/ui/Loading";

export const metadata: Metadata = { title: "Callbacks · Durable Lens" };

export default function CallbacksPage() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Pending callbacks</h1>
        <p className="text-sm text-zinc-600">Callbacks the running executions of every durable function (or of the one picked) wait for: complete them, fail them, or keep them alive with a heartbeat.</p>
      </div>
      {/* The inbox reads its function (if one is picked) from the URL, which needs a Suspense boundary. */}
      <Suspense fallback={<Loading label="Opening the inbox…" />}>
        <CallbackInbox />
      </Suspense>
    </div>
  );
}

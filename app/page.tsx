import Link from "next/link";
import { FunctionList } from "@/components/functions/FunctionList";
import { WaitingCallbacks } from "@/components/functions/WaitingCallbacks";

export default function FunctionsPage() {
  return (
    <div className="space-y-4">
      <div className="flex flex-wrap items-end justify-between gap-2">
        <div>
          <h1 className="text-xl font-semibold tracking-tight">Durable functions</h1>
          <p className="text-sm text-zinc-600">Pick a function to browse its executions.</p>
        </div>
        <div className="flex flex-wrap items-center gap-4">
          <WaitingCallbacks />
          <p className="text-sm text-zinc-600">
            Have a history file?{" "}
            <Link href="/open" className="text-sky-700 hover:underline">
              Open it offline
            </Link>
          </p>
        </div>
      </div>
      <FunctionList />
    </div>
  );
}

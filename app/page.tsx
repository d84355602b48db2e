import { FunctionList } from "@/components/functions/FunctionList";

export default function FunctionsPage() {
  return (
    <div className="space-y-4">
      <div>
        <h1 className="text-xl font-semibold tracking-tight">Durable functions</h1>
        <p className="text-sm text-zinc-600">Pick a function to browse its executions.</p>
      </div>
      <FunctionList />
    </div>
  );
}

"use client";
import { sampleFunctions } from "@durable-lens/sdk/examples";
import { useState } from "react";
import { buttonStyles, inputStyle, labelStyle } from "@/components/actions/styles";
import { resolveCodeSource, type CodeChoice, type LabelledSource } from "./code-source";

/**
 * Chooses the code a simulation runs: the sample of that name, the local service's bundle of
 * the function, or a handler module from disk (an ES module; its SDK imports are provided).
 *
 * @example <CodeSourcePicker functionName="order-processor" onPick={setCode} />
 */
export function CodeSourcePicker({ functionName, onPick, picked }: { functionName: string; onPick: (code: LabelledSource) => void; picked?: LabelledSource }) {
  const sample = sampleFunctions.some((f) => f.name === functionName);
  const [problem, setProblem] = useState<string>();
  const [loading, setLoading] = useState(false);
  const [exportName, setExportName] = useState("");

  const pick = async (choice: CodeChoice, file?: File) => {
    setProblem(undefined);
    setLoading(true);
    try {
      onPick(await resolveCodeSource({ choice, functionName, ...(file && { file }), exportName }));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    } finally {
      setLoading(false);
    }
  };

  return (
    <section className="space-y-2 rounded-lg border border-zinc-200 bg-white p-4" data-testid="code-source">
      <h3 className="text-sm font-semibold text-zinc-800">Code to replay</h3>
      <div className="flex flex-wrap items-end gap-3">
        {sample ? (
          <button type="button" className={buttonStyles.secondary} disabled={loading} onClick={() => void pick("sample")} data-testid="code-sample">
            Sample function {functionName}
          </button>
        ) : null}
        <button type="button" className={buttonStyles.secondary} disabled={loading} onClick={() => void pick("bundle")} data-testid="code-service">
          {loading ? "Fetching…" : "Local service's bundle"}
        </button>
        <label className={labelStyle}>
          Handler module (.js, .mjs)
          <input type="file" accept=".js,.mjs,text/javascript" className="block text-sm" onChange={(e) => e.target.files?.[0] && void pick("upload", e.target.files[0])} data-testid="code-file" />
        </label>
        <label className={labelStyle}>
          Export (optional)
          <input className={`${inputStyle} w-32`} value={exportName} placeholder="handler" onChange={(e) => setExportName(e.target.value)} data-testid="code-export" />
        </label>
      </div>
      {picked ? (
        <p className="text-xs text-zinc-600" data-testid="code-picked">
          Replaying {picked.label}
        </p>
      ) : (
        <p className="text-xs text-zinc-500">The module may import the durable SDK (@durable-lens/sdk or @aws/durable-execution-sdk-js); anything else must be bundled into it.</p>
      )}
      {problem ? (
        <p role="alert" className="text-sm text-red-700" data-testid="code-problem">
          {problem}
        </p>
      ) : null}
    </section>
  );
}

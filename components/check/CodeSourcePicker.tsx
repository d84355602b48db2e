"use client";
import type { ReactNode } from "react";
import { exportNameProblem, moduleFileProblem, type CodeChoice } from "@/components/simulator/code-source";

export interface CodeSourcePickerProps {
  functionName: string;
  /** True when a sample function has the function's name. */
  hasSample: boolean;
  target: "local" | "aws" | undefined;
  choice: CodeChoice;
  onChoice: (choice: CodeChoice) => void;
  file: File | undefined;
  onFile: (file: File | undefined) => void;
  exportName: string;
  onExportName: (name: string) => void;
  disabled: boolean;
}

function Option({ value, choice, onChoice, disabled, children }: { value: CodeChoice; choice: CodeChoice; onChoice: (c: CodeChoice) => void; disabled: boolean; children: ReactNode }) {
  return (
    <label className={`flex items-start gap-2 text-sm ${disabled ? "text-zinc-400" : "text-zinc-800"}`}>
      <input
        type="radio"
        name="code-source"
        value={value}
        className="mt-1"
        checked={choice === value}
        disabled={disabled}
        onChange={() => onChoice(value)}
        data-testid={`code-source-${value}`}
      />
      <span className="space-y-1">{children}</span>
    </label>
  );
}

/**
 * Where the code to check comes from: the sample of the same name, the local service's bundle
 * of the function, or a module file (with the export that is the handler, when not obvious).
 *
 * @example <CodeSourcePicker functionName="approval-flow" hasSample target="local" choice={choice} onChoice={setChoice} ... />
 */
export function CodeSourcePicker(p: CodeSourcePickerProps) {
  const fileProblem = p.file ? moduleFileProblem(p.file.name) : undefined;
  const nameProblem = exportNameProblem(p.exportName);
  return (
    <fieldset className="space-y-2" data-testid="code-source">
      <legend className="mb-1 text-sm font-medium text-zinc-700">Code to check against</legend>
      {p.hasSample ? (
        <Option value="sample" choice={p.choice} onChoice={p.onChoice} disabled={p.disabled}>
          The sample function <code className="font-mono">{p.functionName}</code> that ships with Durable Lens
        </Option>
      ) : null}
      <Option value="bundle" choice={p.choice} onChoice={p.onChoice} disabled={p.disabled || p.target === "aws"}>
        The code the local service runs for <code className="font-mono">{p.functionName}</code>
        {p.target === "aws" ? <span className="block text-xs">Only the local durable service can hand out a function&apos;s code; on AWS, upload its handler module.</span> : null}
      </Option>
      <Option value="upload" choice={p.choice} onChoice={p.onChoice} disabled={p.disabled}>
        A handler module file (an ES module in JavaScript, .js or .mjs)
      </Option>
      {p.choice === "upload" ? (
        <div className="ml-6 flex flex-wrap items-start gap-x-5 gap-y-2">
          <label className="text-sm text-zinc-600">
            <span className="block text-xs">Module file</span>
            <input
              type="file"
              accept=".js,.mjs,text/javascript"
              disabled={p.disabled}
              className="text-sm"
              onChange={(e) => p.onFile(e.target.files?.[0])}
              data-testid="check-module-input"
            />
            {fileProblem ? (
              <span role="alert" className="mt-1 block max-w-prose text-xs text-red-700" data-testid="check-file-problem">
                {fileProblem}
              </span>
            ) : null}
          </label>
          <label className="text-sm text-zinc-600">
            <span className="block text-xs">Handler export (optional)</span>
            <input
              type="text"
              value={p.exportName}
              placeholder="handler"
              disabled={p.disabled}
              spellCheck={false}
              className="w-44 rounded-md border border-zinc-300 bg-white px-2 py-1 font-mono text-sm"
              onChange={(e) => p.onExportName(e.target.value)}
              data-testid="check-export-name"
            />
            {nameProblem ? (
              <span role="alert" className="mt-1 block text-xs text-red-700">
                {nameProblem}
              </span>
            ) : (
              <span className="mt-1 block text-xs text-zinc-500">Left empty: handler, else the default export, else the only function</span>
            )}
          </label>
        </div>
      ) : null}
    </fieldset>
  );
}

"use client";
import type { Divergence } from "@durable-lens/sdk/replay";
import { divergenceKindText, shapeRows } from "./divergence-rows";

/**
 * The divergent operation field by field: as the history recorded it, as the code asked for it.
 *
 * @example <DivergenceTable divergence={result.divergence} />
 */
export function DivergenceTable({ divergence }: { divergence: Divergence }) {
  const rows = shapeRows(divergence.expected, divergence.actual);
  if (rows.length === 0) return null;
  return (
    <table className="text-sm">
      <thead>
        <tr className="text-left text-xs text-zinc-500">
          <th className="pr-3 font-normal" />
          <th className="pr-3 font-medium">Recorded</th>
          <th className="font-medium">This code</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.field} data-testid="divergence-field" data-field={r.field} data-differs={r.differs}>
            <td className="pr-3 align-top text-xs text-zinc-500">{r.label}</td>
            <td className={`break-all pr-3 align-top font-mono ${r.differs ? "text-red-800" : "text-zinc-700"}`} data-testid="divergence-expected">
              {r.expected ?? "—"}
            </td>
            <td className={`break-all align-top font-mono ${r.differs ? "text-emerald-800" : "text-zinc-700"}`} data-testid="divergence-actual">
              {r.actual ?? "—"}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/**
 * Where code and history part ways: what kind of difference, where, and the two sides.
 *
 * @example <DivergenceView divergence={pause.divergence} />
 */
export function DivergenceView({ divergence }: { divergence: Divergence }) {
  return (
    <div className="space-y-2" data-testid="divergence" data-kind={divergence.kind}>
      <p className="text-sm font-medium text-red-800" data-testid="divergence-message">
        {divergence.message}
      </p>
      <p className="text-xs text-zinc-600">
        Operation <code className="font-mono text-zinc-900">{divergence.operationId}</code> · {divergenceKindText(divergence.kind)}
      </p>
      <DivergenceTable divergence={divergence} />
    </div>
  );
}

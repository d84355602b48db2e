"use client";
import type { Divergence, OperationShape } from "@durable-lens/sdk/replay";

const ROWS: { key: keyof OperationShape; label: string }[] = [
  { key: "id", label: "Id" },
  { key: "type", label: "Type" },
  { key: "subType", label: "Sub type" },
  { key: "name", label: "Name" },
  { key: "parentId", label: "Parent" },
  { key: "detail", label: "Decision / result" },
];

/**
 * Where code and history part ways, the recorded operation beside the one the code asked for.
 *
 * @example <DivergenceView divergence={pause.divergence} />
 */
export function DivergenceView({ divergence }: { divergence: Divergence }) {
  const rows = ROWS.filter(({ key }) => divergence.expected?.[key] !== undefined || divergence.actual?.[key] !== undefined);
  return (
    <div className="space-y-2" data-testid="divergence">
      <p className="text-sm font-medium text-red-800" data-testid="divergence-message">
        {divergence.message}
      </p>
      <table className="w-full text-left text-sm">
        <thead className="text-xs text-zinc-500">
          <tr>
            <th className="py-1 pr-3" />
            <th className="py-1 pr-3">In the history</th>
            <th className="py-1">In the code</th>
          </tr>
        </thead>
        <tbody className="font-mono">
          {rows.map(({ key, label }) => {
            const expected = divergence.expected?.[key];
            const actual = divergence.actual?.[key];
            return (
              <tr key={key} className={expected !== actual ? "bg-red-50" : ""}>
                <td className="py-1 pr-3 font-sans text-xs text-zinc-500">{label}</td>
                <td className="py-1 pr-3 break-all" data-testid={`divergence-expected-${key}`}>
                  {expected ?? (divergence.expected ? "—" : "(not recorded)")}
                </td>
                <td className="py-1 break-all" data-testid={`divergence-actual-${key}`}>
                  {actual ?? (divergence.actual ? "—" : "(not asked for)")}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

/**
 * What could not be read in one side's history, folded: the comparison leaves those events out,
 * and the reader should know.
 *
 * @example <DiffProblems label="order-1001" problems={parsed.problems} />
 */
export function DiffProblems({ label, problems }: { label: string; problems: readonly string[] }) {
  if (problems.length === 0) return null;
  return (
    <details className="rounded-md border border-amber-200 bg-amber-50 p-3 text-xs text-amber-900" data-testid="diff-problems">
      <summary className="cursor-pointer font-medium">
        {problems.length === 1 ? "1 problem" : `${problems.length} problems`} reading the history of {label}: the events concerned are left out of the comparison
      </summary>
      <ul className="mt-2 list-disc space-y-0.5 pl-5">
        {problems.map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </details>
  );
}

/**
 * What could not be read from a history, so a partial picture is never mistaken for a complete one.
 *
 * @example <HistoryProblems problems={parsed.problems} />
 */
export function HistoryProblems({ problems }: { problems: string[] }) {
  return (
    <details className="rounded-md border border-amber-200 bg-amber-50 p-3 text-sm text-amber-900" data-testid="history-problems">
      <summary className="cursor-pointer font-medium">
        {problems.length === 1 ? "1 problem in this history" : `${problems.length} problems in this history`} (affected parts are left out or incomplete)
      </summary>
      <ul className="mt-2 list-disc space-y-0.5 pl-5 font-mono text-xs">
        {problems.slice(0, 200).map((p, i) => (
          <li key={i}>{p}</li>
        ))}
      </ul>
    </details>
  );
}

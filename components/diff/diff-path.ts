/**
 * The app path of the page comparing two executions.
 *
 * @example diffPath(yesterdayArn, todayArn) // "/diff?left=arn%3Aaws%3A...&right=arn%3Aaws%3A..."
 */
export function diffPath(leftArn: string, rightArn: string): string {
  return `/diff?${new URLSearchParams({ left: leftArn, right: rightArn })}`;
}

/**
 * Decodes a path segment that may still be percent-encoded (depending on how the router hands it
 * over); a value that is not valid percent-encoding is used as it is.
 *
 * @example decodeSegment("a%3Ab") // "a:b"
 */
export function decodeSegment(raw: string): string {
  if (!/%[0-9a-fA-F]{2}/.test(raw)) return raw;
  try {
    return decodeURIComponent(raw);
  } catch {
    return raw;
  }
}

/**
 * The app path of an execution's page.
 *
 * @example executionPath("arn:aws:lambda:...") // "/executions/arn%3Aaws%3Alambda%3A..."
 */
export function executionPath(arn: string): string {
  return `/executions/${encodeURIComponent(arn)}`;
}

/**
 * The app path of a function's executions page.
 *
 * @example functionPath("order-processor") // "/functions/order-processor"
 */
export function functionPath(name: string): string {
  return `/functions/${encodeURIComponent(name)}`;
}

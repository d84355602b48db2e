/** Random standard-base64 strings: checkpoint tokens and callback ids must match `[A-Za-z0-9+/]+={0,2}`. */
export function randomBase64(bytes = 18): string {
  const buf = new Uint8Array(bytes);
  crypto.getRandomValues(buf);
  let s = "";
  for (const b of buf) s += String.fromCharCode(b);
  return btoa(s);
}

/** Opaque paging markers: base64 of a JSON cursor, so callers cannot mistake them for ids. */
export function encodeMarker(cursor: unknown): string {
  return btoa(JSON.stringify(cursor));
}

export function decodeMarker<T>(marker: string, isValid: (v: unknown) => v is T): T | undefined {
  try {
    const value: unknown = JSON.parse(atob(marker));
    return isValid(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

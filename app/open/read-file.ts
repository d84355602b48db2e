/**
 * Reads a file's text with progress, which `File.text()` does not report; large histories take
 * long enough to read that the page should show how far it got.
 *
 * @example const text = await readFileText(file, (loaded) => setLoaded(loaded));
 */
export function readFileText(file: Blob, onProgress: (loadedBytes: number) => void): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onprogress = (e) => onProgress(e.loaded);
    reader.onload = () => resolve(typeof reader.result === "string" ? reader.result : "");
    reader.onerror = () => reject(reader.error ?? new Error("The file could not be read."));
    reader.readAsText(file);
  });
}

/** Resolves after the browser has painted, so a status set just before long synchronous work is seen. */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

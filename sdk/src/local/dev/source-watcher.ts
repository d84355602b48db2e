import { watch, statSync, type FSWatcher } from "node:fs";
import { dirname, join } from "node:path";

/** Size and modification time: what tells a real edit from a directory event that changed nothing. */
function fingerprint(file: string): string {
  try {
    const st = statSync(file);
    return `${st.size}:${st.mtimeMs}`;
  } catch {
    return "missing";
  }
}

/**
 * Watches source files and calls back once per burst of edits with the files that changed.
 * It watches their directories rather than the files: editors that save by writing a new
 * file and renaming it over the old one would leave a per-file watch on a deleted inode.
 *
 * @example const w = new SourceWatcher((files) => reload(files)); w.add("/app/src/orders.ts");
 */
export class SourceWatcher {
  private readonly fingerprints = new Map<string, string>();
  private readonly directories = new Map<string, FSWatcher>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private closed = false;

  constructor(
    private readonly onChange: (files: string[]) => void,
    private readonly debounceMs = 100,
  ) {}

  /** Starts watching `file` (an absolute path); adding it again does nothing. */
  add(file: string): void {
    if (this.closed || this.fingerprints.has(file)) return;
    this.fingerprints.set(file, fingerprint(file));
    const dir = dirname(file);
    if (this.directories.has(dir)) return;
    try {
      const w = watch(dir, { persistent: false }, (_event, name) => {
        // Some platforms omit the name: then any watched file of the directory may have changed.
        if (name === null || this.fingerprints.has(join(dir, name))) this.schedule();
      });
      w.on("error", () => this.directories.delete(dir));
      this.directories.set(dir, w);
    } catch {
      // A directory that cannot be watched (gone, no permission) only loses reloads, not the function.
    }
  }

  get files(): string[] {
    return [...this.fingerprints.keys()];
  }

  private schedule(): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => this.flush(), this.debounceMs);
  }

  private flush(): void {
    const changed: string[] = [];
    for (const [file, before] of this.fingerprints) {
      const now = fingerprint(file);
      if (now !== before) {
        this.fingerprints.set(file, now);
        changed.push(file);
      }
    }
    if (changed.length > 0 && !this.closed) this.onChange(changed);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    for (const w of this.directories.values()) w.close();
    this.directories.clear();
  }
}

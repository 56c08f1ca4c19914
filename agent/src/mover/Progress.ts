/** How far a backup or restore is; totals may still grow while `counting` (a backup counts as it goes). */
export interface Progress {
  readonly filesDone: number;
  readonly filesTotal: number;
  readonly bytesDone: number;
  readonly bytesTotal: number;
  readonly counting: boolean;
  /** Plain bytes done per second since the start. */
  readonly bytesPerSecond: number;
  readonly elapsedSeconds: number;
}

/** Counts progress and reports it at most about once a second, and once more at the end. */
export class ProgressMeter {
  filesDone = 0;
  filesTotal = 0;
  bytesDone = 0;
  bytesTotal = 0;
  counting = false;
  private readonly started = performance.now();
  private lastReport = this.started;

  constructor(private readonly report: ((progress: Progress) => void) | undefined) {}

  fileDone(bytes: number): void {
    this.filesDone++;
    this.bytesDone += bytes;
    this.maybeReport();
  }

  maybeReport(): void {
    if (performance.now() - this.lastReport >= 1000) this.send();
  }

  send(): void {
    this.lastReport = performance.now();
    const elapsedSeconds = (this.lastReport - this.started) / 1000;
    this.report?.({
      filesDone: this.filesDone,
      filesTotal: Math.max(this.filesTotal, this.filesDone),
      bytesDone: this.bytesDone,
      bytesTotal: Math.max(this.bytesTotal, this.bytesDone),
      counting: this.counting,
      bytesPerSecond: elapsedSeconds > 0 ? Math.round(this.bytesDone / elapsedSeconds) : 0,
      elapsedSeconds: Math.round(elapsedSeconds * 1000) / 1000,
    });
  }
}

/** How a pipeline reports to whoever runs it, without knowing about terminals. */
export interface PipelineHooks {
  /** A recoverable oddity, reported once per kind. */
  readonly warn: (message: string) => void;
  /** A stage starts with `total` units of work (series); `tick` is called as they finish. */
  readonly stageStart?: (stage: string, total: number) => void;
  readonly stageTick?: (done: number) => void;
  readonly stageEnd?: (stage: string) => void;
}

export const silentHooks: PipelineHooks = { warn: () => {} };

/** Wall-clock milliseconds per stage, in the order they ran, plus `total`. */
export class StageTimer {
  private readonly started = performance.now();
  private last = this.started;
  readonly durations: Record<string, number> = {};

  /** Closes the stage that ran since the previous mark. */
  mark(stage: string): void {
    const now = performance.now();
    this.durations[stage] = Math.round((this.durations[stage] ?? 0) + now - this.last);
    this.last = now;
  }

  finish(): Record<string, number> {
    return { ...this.durations, total: Math.round(performance.now() - this.started) };
  }
}

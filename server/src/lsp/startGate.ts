// When the workspace index's first walk starts: `graceMs` after the folders are known, once the editor has been quiet
// for a moment (no edit or request for QUIET_MS, waiting at most MAX_WAIT_MS more), or at once when a query needs the
// index. The files an editor opens at start-up are checked first, from their open text, and typing right after
// start-up is not slowed by the walk.
const QUIET_MS = 300;
const MAX_WAIT_MS = 10_000;

export class StartGate {
  private state: 'idle' | 'waiting' | 'done' = 'idle';
  private timer?: ReturnType<typeof setTimeout>;
  private end = 0;
  private last = 0;

  constructor(
    private readonly graceMs: number,
    private readonly start: () => void,
    private readonly quietMs = QUIET_MS,
    private readonly maxWaitMs = MAX_WAIT_MS,
  ) {}

  /** The folders are known: the wait begins (once; no wait when graceMs is 0). */
  begin(): void {
    if (this.state !== 'idle' || this.graceMs <= 0) return;
    this.state = 'waiting';
    this.end = performance.now() + this.graceMs;
    this.timer = setTimeout(() => this.check(), this.graceMs);
  }

  get waiting(): boolean {
    return this.state === 'waiting';
  }

  /** An edit or a request came. */
  activity(): void {
    this.last = performance.now();
  }

  /** A query needs the index: a walk still waiting starts now. */
  now(): void {
    if (this.state === 'waiting') this.fire();
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    this.state = 'done';
  }

  private check(): void {
    const t = performance.now();
    const quiet = t - this.last;
    if (quiet < this.quietMs && t < this.end + this.maxWaitMs) this.timer = setTimeout(() => this.check(), this.quietMs - quiet);
    else this.fire();
  }

  private fire(): void {
    this.dispose();
    this.start();
  }
}

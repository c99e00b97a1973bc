// `srm lint` on big trees: the files are checked by the main thread and a pool of worker threads, each running the
// same per-file function (checkCandidate in lint.ts) with its own caches. Workers are started from the CLI's own
// bundle (dist/cli.js, which turns into a worker when it finds itself in one: isLintWorker below), receive chunks of
// files (path, text, display name) and send back one plain outcome per file (they are started while discovery still
// reads the tree, as soon as what it has found calls for them: EarlyWorkers); the main thread hands each outcome to
// the caller in file order, so what is printed and written is byte for byte what the single-threaded run gives.
// A worker that cannot start is left out silently (its files go to the others); one that dies mid-run is noted on
// standard error and its unfinished files are checked in the main thread. A file whose check threw in a worker is
// checked again in the main thread when its turn comes, so the same error surfaces at the same point.
import * as os from 'node:os';
import { Worker, isMainThread, parentPort, workerData } from 'node:worker_threads';
import { checkCandidate, newLoaders, type CheckChoices, type CheckInput, type CheckOutcome, type Loaders } from './lint';

/** The default number of threads is one per core, at most this many (each thread costs a heap and a compile of its own). */
export const MAX_DEFAULT_JOBS = 8;
/** How long the main thread checks files between two looks at what the workers sent (ms). */
const YIELD_MS = 4;
/** Explicit --jobs N is capped here (and at one thread per file). */
export const MAX_JOBS = 64;
/**
 * Below this much text (UTF-16 units, about bytes) a run stays in the main thread by default. A worker is not
 * cheap: each thread has its own V8 heap and compiles the engine again (the bundle, the schema validator, then the
 * optimised code of the hot paths on V8's background threads), and two threads that parse at once slow each other
 * down. Measured on 2 cores (generated files of ~17 kB; bench/lint-tree.ts): two threads against one were 0.92× as
 * fast at 8.7 MB, 1.02× at 17 MB, 1.18× at 26 MB and 1.27× at 35 MB (as fast as two separate processes each
 * checking half the tree). The faster one thread got, the less the second adds: after the engine work of
 * 2026-12-02, 0.94× at 15.6 MB and 1.07–1.09× at 31 MB (bench/RESULTS.md), so the threshold still sits near the
 * break-even. The work follows the text, not the number of files: many small files do not pay.
 */
export const MIN_BYTES_FOR_WORKERS = 16_000_000;

/** How many threads (the main one included) check `files` files of `bytes` UTF-16 units in all. */
export function threadsFor(files: number, bytes: number, jobs: number | undefined, env: NodeJS.ProcessEnv, cores = availableCores()): number {
  const off = env.SRM_NO_WORKERS;
  if (off !== undefined && off !== '' && off !== '0') return 1;
  if (files <= 1) return 1;
  if (jobs !== undefined) return Math.max(1, Math.min(jobs, MAX_JOBS, files));
  if (bytes < MIN_BYTES_FOR_WORKERS) return 1;
  return Math.max(1, Math.min(cores, MAX_DEFAULT_JOBS, files));
}

function availableCores(): number {
  return typeof os.availableParallelism === 'function' ? os.availableParallelism() : os.cpus().length || 1;
}

interface WorkerData {
  srmLintWorker: true;
  choices: CheckChoices;
}

/** A chunk of consecutive files. */
interface Chunk {
  id: number;
  /** Indexes into the inputs. */
  items: number[];
}

type ToWorker = { id: number; items: CheckInput[] };
type FromWorker = { type: 'ready' } | { type: 'done'; id: number; outcomes: Array<CheckOutcome | null> };

/** Whether this thread is a lint worker (the CLI bundle then serves chunks instead of running a command). */
export function isLintWorker(): boolean {
  return !isMainThread && (workerData as Partial<WorkerData> | null)?.srmLintWorker === true;
}

/** The worker's side: check every chunk received, with this thread's own caches for its whole life. */
export function runLintWorker(): void {
  const port = parentPort;
  if (!port) return;
  const { choices } = workerData as WorkerData;
  const fault = process.env.SRM_TEST_WORKER_FAULT;
  // Test hook (test/cli/jobs.test.ts): fail to start, or die mid-run on a file of this name.
  if (fault === 'start') throw new Error('SRM_TEST_WORKER_FAULT=start');
  const loaders = newLoaders(choices);
  port.on('message', (m: ToWorker) => {
    const outcomes = m.items.map((item): CheckOutcome | null => {
      if (fault !== undefined && fault !== '' && item.displayPath.endsWith(fault)) process.exit(70);
      try {
        return checkCandidate(item, choices, loaders);
      } catch {
        // The main thread checks the file again in its turn and meets the same error there.
        return null;
      }
    });
    port.postMessage({ type: 'done', id: m.id, outcomes } satisfies FromWorker);
  });
  port.postMessage({ type: 'ready' } satisfies FromWorker);
}

/**
 * Workers started before the inputs are known, while discovery still reads the files (each takes ~150 ms to load
 * and warm up the bundle: that now overlaps the walk). `grow(files, bytes)` is called with what has been
 * found so far and starts workers up to what threadsFor would give for it (never more than the final count: it only
 * grows with files and bytes); checkInPool takes them over. Discovery is synchronous, so no worker event can be
 * delivered before checkInPool listens; `stop` ends them when discovery fails.
 */
export class EarlyWorkers {
  readonly workers: Worker[] = [];
  private failed = false;

  constructor(
    private readonly script: string,
    private readonly choices: CheckChoices,
    private readonly jobs: number | undefined,
    private readonly env: NodeJS.ProcessEnv,
  ) {}

  grow(files: number, bytes: number): void {
    const want = threadsFor(files, bytes, this.jobs, this.env) - 1;
    while (!this.failed && this.workers.length < want) {
      const w = spawnWorker(this.script, this.choices);
      if (w === undefined) this.failed = true;
      else this.workers.push(w);
    }
  }

  /** Ends the workers (discovery failed, or the run stays in the main thread). */
  stop(): void {
    for (const w of this.workers.splice(0)) endWorker(w);
  }
}

/** Ends a worker whatever it is doing; what it would still say is ignored. */
function endWorker(w: Worker): void {
  w.removeAllListeners();
  w.on('error', () => undefined);
  void w.terminate();
}

/** A lint worker running `script` (the CLI bundle), or undefined where threads cannot start. */
function spawnWorker(script: string, choices: CheckChoices): Worker | undefined {
  try {
    return new Worker(script, { workerData: { srmLintWorker: true, choices } satisfies WorkerData, stdout: false, stderr: false });
  } catch {
    return undefined;
  }
}

export interface PoolRun {
  /** Workers already started (EarlyWorkers); more are started up to `threads - 1`, extra ones ended. */
  started?: Worker[];
  inputs: readonly CheckInput[];
  /** Threads checking files, the main one included (>= 2). */
  threads: number;
  choices: CheckChoices;
  /** The main thread's caches (it checks files too, and re-checks what a worker could not). */
  loaders: Loaders;
  /** The script a worker runs: the CLI bundle itself. */
  script: string;
  /** Called once per input, in input order. May throw: the run then stops (workers ended) and rejects with it. */
  take: (index: number, outcome: CheckOutcome) => void;
  /** A line for standard error (a worker that stopped mid-run). */
  note: (line: string) => void;
}

/** Checks every input with a pool of `threads - 1` workers and the main thread; resolves when all are taken. */
export function checkInPool(run: PoolRun): Promise<void> {
  const { inputs, choices, loaders } = run;
  const chunks = chunksOf(inputs, run.threads);
  /** What each input gave: an outcome, null (its check threw in a worker: redo here), undefined (not yet). */
  const done: Array<CheckOutcome | null | undefined> = new Array(inputs.length);
  const queue: Chunk[] = [...chunks];
  /** Chunks of workers that died: checked by the main thread only. */
  const mainOnly: Chunk[] = [];
  let next = 0;

  return new Promise<void>((resolve, reject) => {
    let finished = false;
    let wake: (() => void) | undefined;
    const poke = (): void => {
      const w = wake;
      wake = undefined;
      w?.();
    };

    interface Slot {
      worker: Worker;
      inFlight: Map<number, Chunk>;
      ready: boolean;
      gone: boolean;
    }
    const slots: Slot[] = [];

    const stopAll = (): void => {
      for (const s of slots) {
        if (s.gone) continue;
        s.gone = true;
        endWorker(s.worker);
      }
    };
    const finish = (err?: unknown): void => {
      if (finished) return;
      finished = true;
      stopAll();
      poke();
      if (err === undefined) resolve();
      else reject(err);
    };

    /** Hands the outcomes of the finished prefix to the caller, in order. */
    const flush = (): void => {
      while (next < inputs.length && done[next] !== undefined) {
        const i = next++;
        const outcome = done[i] ?? checkCandidate(inputs[i]!, choices, loaders);
        done[i] = undefined; // free the texts as we go
        run.take(i, outcome);
      }
      if (next === inputs.length) finish();
    };
    const safely = (f: () => void): void => {
      if (finished) return;
      try {
        f();
      } catch (e) {
        finish(e);
      }
    };

    /** Keeps a worker fed: two chunks in flight while there is plenty left, one near the end. */
    const feed = (s: Slot): void => {
      const depth = queue.length > slots.length * 2 ? 2 : 1;
      while (!s.gone && s.inFlight.size < depth && queue.length > 0) {
        const chunk = queue.shift()!;
        s.inFlight.set(chunk.id, chunk);
        const msg: ToWorker = { id: chunk.id, items: chunk.items.map((index) => inputs[index]!) };
        s.worker.postMessage(msg);
      }
    };
    const lose = (s: Slot, why: string): void => {
      if (s.gone) return;
      s.gone = true;
      const left = [...s.inFlight.values()];
      s.inFlight.clear();
      endWorker(s.worker);
      if (s.ready) {
        if (left.length > 0) {
          const files = left.reduce((n, c) => n + c.items.length, 0);
          run.note(`srm: a worker thread stopped (${why}); its ${files} unfinished file${files === 1 ? '' : 's'} were checked in the main thread\n`);
        }
        mainOnly.push(...left);
      } else {
        // It never started (threads unavailable or refused): its files go back to the queue, nothing to report.
        queue.unshift(...left);
      }
      for (const o of slots) feed(o);
      poke();
    };

    const started = [...(run.started ?? [])];
    const wanted = Math.min(run.threads - 1, chunks.length - 1);
    for (const extra of started.splice(Math.max(0, wanted))) endWorker(extra);
    for (let k = 0; k < wanted; k++) {
      const worker = started[k] ?? spawnWorker(run.script, choices);
      if (worker === undefined) break; // no threads here: the main thread checks everything
      const s: Slot = { worker, inFlight: new Map(), ready: false, gone: false };
      slots.push(s);
      worker.on('message', (m: FromWorker) =>
        safely(() => {
          if (m.type === 'ready') {
            s.ready = true;
            return;
          }
          const chunk = s.inFlight.get(m.id);
          if (!chunk) return;
          s.inFlight.delete(m.id);
          chunk.items.forEach((index, j) => (done[index] = m.outcomes[j] ?? null));
          feed(s);
          flush();
          poke();
        }),
      );
      worker.on('error', (e) => safely(() => lose(s, e instanceof Error ? e.message : String(e))));
      worker.on('exit', (code) => safely(() => lose(s, `exit code ${code}`)));
      feed(s);
    }

    // The main thread checks chunks too, yielding after each file so that the workers' results come in and they
    // are fed again at once.
    const mainLoop = async (): Promise<void> => {
      while (!finished) {
        const chunk = mainOnly.shift() ?? queue.shift();
        if (chunk) {
          let since = performance.now();
          for (const index of chunk.items) {
            try {
              done[index] = checkCandidate(inputs[index]!, choices, loaders);
            } catch {
              done[index] = null; // thrown again by flush, in this file's turn (after the files before it)
            }
            // A yield costs a turn of the event loop: one every few milliseconds is enough (a worker has two
            // chunks in flight while there is plenty left), not one a file.
            const now = performance.now();
            if (now - since < YIELD_MS) continue;
            since = now;
            await new Promise<void>((r) => setImmediate(r));
            if (finished) return;
          }
          flush();
          continue;
        }
        if (slots.every((s) => s.gone || s.inFlight.size === 0)) {
          // Nothing queued and nothing in flight: every input is done.
          flush();
          if (!finished) finish(new Error(`internal error: ${inputs.length - next} files were never checked`));
          return;
        }
        await new Promise<void>((r) => (wake = r));
      }
    };
    mainLoop().catch(finish);
  });
}

/**
 * Consecutive files in chunks that shrink as the work left does (each about a quarter of a thread's share of what
 * is left, between 16 kB and 1 MB of text): few messages at the start, and threads that finish close together.
 */
function chunksOf(inputs: readonly CheckInput[], threads: number): Chunk[] {
  const cost = (c: CheckInput): number => c.text.length + 200;
  let left = inputs.reduce((n, c) => n + cost(c), 0);
  const out: Chunk[] = [];
  let items: number[] = [];
  let size = 0;
  let target = 0;
  inputs.forEach((c, i) => {
    if (items.length === 0) target = Math.min(1_000_000, Math.max(16_000, Math.ceil(left / (threads * 4))));
    items.push(i);
    size += cost(c);
    left -= cost(c);
    if (size >= target || items.length >= 64) {
      out.push({ id: out.length, items });
      items = [];
      size = 0;
    }
  });
  if (items.length > 0) out.push({ id: out.length, items });
  return out;
}

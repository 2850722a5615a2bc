import { createHash } from 'node:crypto';
import { resolve } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { Exercise, Language } from '~/lib/bot/types.ts';
import type { Result } from '~/lib/result';
import type { FlowCheck, FlowLint } from './flow-check.ts';
import { WORKER_READY, type FlowAnswer, type FlowJob } from './flow-job.ts';

/**
 * Runs learners' playground flows in worker threads with a memory cap and a time limit, so a
 * flow built to be expensive costs its author a clear error and nobody else anything: the main
 * thread only passes messages, a worker that overruns its time is terminated, and one that runs
 * out of memory dies alone. Workers are replaced as needed and hold no state between jobs.
 */

export type FlowError =
  | 'flow-too-slow'
  | 'flow-too-big'
  | 'flow-runner-busy'
  /** A worker could not start: nothing the learner did, and waiting a few seconds will not help. */
  | 'flow-runner-unavailable';

export interface FlowRunnerOptions {
  /** Worker threads (default 1: on a small machine the other core serves pages). */
  workers?: number;
  /**
   * Wall-clock limit per job (default 1,000 ms; a real exercise takes a few milliseconds). It
   * starts when a ready worker gets the job: starting a worker is not the flow's time.
   */
  timeoutMs?: number;
  /** How long a new worker may take to load before it is given up on (default 10,000 ms). */
  startupMs?: number;
  /** Heap limit per worker (default 64 MB). */
  memoryMb?: number;
  /** Jobs allowed to wait for a worker before new ones are refused (default 32). */
  maxQueue?: number;
  /** The worker entry; the server runs from the project root (like the migrations folder). */
  workerFile?: string;
  /**
   * Successful lints kept, by language and text (default 1,000; 0 keeps none). A lint depends on
   * nothing else, so a page reloaded with the same draft, or the same starter for every visitor,
   * needs no worker.
   */
  keptLints?: number;
}

interface Pending {
  job: FlowJob;
  resolve: (result: Result<unknown, FlowError>) => void;
}

interface Slot {
  worker: Worker;
  /** Its modules are loaded (it posted WORKER_READY): it may be given a job. */
  ready: boolean;
  current: Pending | null;
  /** The running job's time limit, or the startup limit before the worker is ready. */
  timer: NodeJS.Timeout | null;
}

export class FlowRunner {
  readonly #options: Required<FlowRunnerOptions>;
  readonly #slots: (Slot | null)[];
  readonly #queue: Pending[] = [];
  /** Successful lints by language and a digest of the text, least recently used first. */
  readonly #lints = new Map<string, FlowLint>();
  #nextId = 1;

  constructor(options: FlowRunnerOptions = {}) {
    this.#options = {
      workers: 1,
      timeoutMs: 1_000,
      startupMs: 10_000,
      memoryMb: 64,
      maxQueue: 32,
      workerFile: resolve(process.cwd(), 'src/lib/sandbox/flow-worker.ts'),
      keptLints: 1_000,
      ...options,
    };
    this.#slots = Array.from({ length: this.#options.workers }, () => null);
  }

  /** Parse and lint a flow, with problems in `language` (see flow-check.ts `lintFlow`). */
  async lint(source: string, language?: Language): Promise<Result<FlowLint, FlowError>> {
    const key = `${language ?? ''} ${createHash('sha256').update(source).digest('base64')}`;
    const kept = this.#lints.get(key);
    if (kept) {
      this.#lints.delete(key);
      this.#lints.set(key, kept);
      return { ok: true, value: kept };
    }
    const linted = (await this.#submit({
      id: this.#nextId++,
      kind: 'lint',
      source,
      language,
    })) as Result<FlowLint, FlowError>;
    // Only a lint that ran: a busy runner or a slow machine must not stick to a text.
    if (linted.ok && this.#options.keptLints > 0) {
      this.#lints.set(key, linted.value);
      if (this.#lints.size > this.#options.keptLints)
        this.#lints.delete(this.#lints.keys().next().value!);
    }
    return linted;
  }

  /** Lint a flow and run an exercise's checks against it (see flow-check.ts `checkFlow`). */
  check(source: string, exercise: Exercise): Promise<Result<FlowCheck, FlowError>> {
    return this.#submit({ id: this.#nextId++, kind: 'check', source, exercise }) as Promise<
      Result<FlowCheck, FlowError>
    >;
  }

  /** Stops every worker; queued and running jobs answer `flow-runner-busy`. */
  async close(): Promise<void> {
    for (const pending of this.#queue.splice(0))
      pending.resolve({ ok: false, error: 'flow-runner-busy' });
    await Promise.all(this.#slots.map((slot, i) => slot && this.#retire(i, 'flow-runner-busy')));
  }

  #submit(job: FlowJob): Promise<Result<unknown, FlowError>> {
    if (this.#queue.length >= this.#options.maxQueue)
      return Promise.resolve({ ok: false, error: 'flow-runner-busy' });
    return new Promise((resolve) => {
      this.#queue.push({ job, resolve });
      this.#dispatch();
    });
  }

  #dispatch(): void {
    for (let i = 0; i < this.#slots.length && this.#queue.length; i++) {
      const slot = (this.#slots[i] ??= this.#spawn(i));
      if (!slot.ready || slot.current) continue;
      const pending = this.#queue.shift()!;
      slot.current = pending;
      slot.worker.ref();
      slot.timer = setTimeout(() => void this.#retire(i, 'flow-too-slow'), this.#options.timeoutMs);
      slot.worker.postMessage(pending.job);
    }
  }

  #spawn(index: number): Slot {
    const worker = new Worker(this.#options.workerFile, {
      // Node 22.12–22.17 load .ts only with this flag; later versions strip types by default.
      execArgv: process.features.typescript ? [] : ['--experimental-strip-types'],
      resourceLimits: {
        maxOldGenerationSizeMb: this.#options.memoryMb,
        maxYoungGenerationSizeMb: 16,
        stackSizeMb: 4,
      },
      stdout: false,
      stderr: false,
    });
    const slot: Slot = { worker, ready: false, current: null, timer: null };
    // Held open while it starts, so a job waiting for it keeps the process alive.
    slot.timer = setTimeout(
      () => void this.#retire(index, 'flow-runner-unavailable'),
      this.#options.startupMs,
    );
    worker.on('message', (answer: FlowAnswer | typeof WORKER_READY) => {
      if (this.#slots[index] !== slot) return;
      if (answer === WORKER_READY) {
        if (slot.timer) clearTimeout(slot.timer);
        Object.assign(slot, { ready: true, timer: null });
        worker.unref();
        this.#dispatch();
        return;
      }
      if (slot.current?.job.id !== answer.id) return;
      this.#finish(
        slot,
        answer.ok ? { ok: true, value: answer.value } : { ok: false, error: 'flow-too-big' },
      );
      this.#dispatch();
    });
    // A worker that dies (out of memory, or a crash) takes only its own job with it.
    worker.on('error', (error: Error & { code?: string }) => {
      if (this.#slots[index] !== slot) return;
      void this.#retire(
        index,
        error.code === 'ERR_WORKER_OUT_OF_MEMORY' ? 'flow-too-big' : 'flow-too-slow',
      );
    });
    worker.on('exit', () => {
      if (this.#slots[index] === slot) void this.#retire(index, 'flow-too-big');
    });
    return slot;
  }

  #finish(slot: Slot, result: Result<unknown, FlowError>): void {
    if (slot.timer) clearTimeout(slot.timer);
    const pending = slot.current;
    Object.assign(slot, { current: null, timer: null });
    slot.worker.unref();
    pending?.resolve(result);
  }

  async #retire(index: number, error: FlowError): Promise<void> {
    const slot = this.#slots[index];
    if (!slot) return;
    this.#slots[index] = null;
    // A worker that never got ready had no job: the oldest waiting one is refused instead, so a
    // worker that cannot start is tried once per waiting job, never in a loop.
    if (!slot.ready) {
      console.error(`botcamp: a flow worker could not start (${this.#options.workerFile})`);
      this.#queue.shift()?.resolve({ ok: false, error: 'flow-runner-unavailable' });
    }
    this.#finish(slot, { ok: false, error });
    await slot.worker.terminate();
    this.#dispatch();
  }
}

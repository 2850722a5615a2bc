/** Messages between the flow runner and its worker threads. */
import type { Exercise, Language } from '../bot/types.ts';

export type FlowJob =
  | { id: number; kind: 'lint'; source: string; language?: Language }
  | { id: number; kind: 'check'; source: string; exercise: Exercise };

export type FlowAnswer =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/**
 * What a worker posts once, when its modules are loaded: only then does it get a job, so a job's
 * time limit never includes starting the worker.
 */
export const WORKER_READY = 'flow-worker-ready';

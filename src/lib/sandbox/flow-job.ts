/** Messages between the flow runner and its worker threads. */
import type { Exercise, Language } from '../bot/types.ts';

export type FlowJob =
  | { id: number; kind: 'lint'; source: string; language?: Language }
  | { id: number; kind: 'check'; source: string; exercise: Exercise };

export type FlowAnswer =
  { id: number; ok: true; value: unknown } | { id: number; ok: false; message: string };

/**
 * Worker-thread entry of the flow runner (flow-runner.ts): lints and checks learners' flows off
 * the main thread, one job at a time. Loaded by Node directly (type stripping), hence the
 * relative `.ts` imports.
 */
import { parentPort } from 'node:worker_threads';
import { checkFlow, lintFlow } from './flow-check.ts';
import { WORKER_READY, type FlowJob } from './flow-job.ts';

parentPort?.on('message', (job: FlowJob) => {
  try {
    const value =
      job.kind === 'lint'
        ? lintFlow(job.source, job.language)
        : checkFlow(job.source, job.exercise);
    parentPort?.postMessage({ id: job.id, ok: true, value });
  } catch (error) {
    parentPort?.postMessage({ id: job.id, ok: false, message: String(error) });
  }
});

parentPort?.postMessage(WORKER_READY);

import type { ActionEnd, ActionRun } from './runActionInPod.ts';

/**
 * How an action ended, as the rest of a sentence: `exited with code 3`. A background action is expected to
 * run until it is stopped, so for it being stopped is the normal end and a timeout means it was stopped
 * while the backup still needed it.
 */
export function describeActionEnd(end: ActionEnd, background: boolean): string {
  switch (end.kind) {
    case 'exited':
      return `exited with code ${end.exitCode}`;
    case 'failed':
      return `could not run: ${end.message}`;
    case 'timedOut':
      return background
        ? `reached its timeout of ${end.seconds} s while the backup was still running, and was stopped`
        : `did not finish within its timeout of ${end.seconds} s, and its exec session was closed`;
    case 'stopped':
      return background ? 'was stopped' : 'was stopped because the job was cancelled';
  }
}

const hintLength = 200;

/** The last line the command printed (stderr first), for a failure message; empty when it printed nothing. */
export function lastOutputLine(run: ActionRun): string {
  for (const [stream, output] of [['stderr', run.stderr], ['stdout', run.stdout]] as const) {
    const line = output.text.trimEnd().split('\n').at(-1)?.trim() ?? '';
    if (line) return `${stream}: ${line.length > hintLength ? `${line.slice(0, hintLength - 1)}…` : line}`;
  }
  return '';
}

/** `1.2 s` */
export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `in pod shop/db-0 (container db)` */
export function podAndContainer(run: ActionRun): string {
  const container = run.container ? ` (container ${run.container})` : '';
  return `in pod ${run.pod.namespace}/${run.pod.name}${container}`;
}

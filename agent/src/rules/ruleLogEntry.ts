import type { BackupLogEntry } from '../backup/BackupLogEntry.ts';
import { type ActionRef, describeRef } from './ActionRef.ts';
import type { ActionRun } from './runActionInPod.ts';

/**
 * A log line about a rule: `message` follows the ref's description (`pre-exec rule 'quiesce', sub-rule 1,
 * action 1 (…): exited with code 0 after 0.2 s`). With a run, the line names its pod (`resource: 'pods'`),
 * and its `rule` detail carries the container, the exit code and the output.
 */
export function ruleLogEntry(
  level: BackupLogEntry['level'],
  ref: ActionRef,
  message: string,
  run?: ActionRun,
): BackupLogEntry {
  const detail: NonNullable<BackupLogEntry['rule']> = {
    hook: ref.hook,
    id: ref.rule.id,
    name: ref.rule.name,
    subRule: ref.subRule + 1,
    ...(ref.action === undefined ? {} : { action: ref.action + 1 }),
  };
  if (!run) return { level, message: `${describeRef(ref)}: ${message}`, rule: detail };
  const dropped = run.stdout.droppedBytes + run.stderr.droppedBytes;
  return {
    level,
    message: `${describeRef(ref)}: ${message}`,
    resource: 'pods',
    namespace: run.pod.namespace,
    name: run.pod.name,
    rule: {
      ...detail,
      ...(run.container === undefined ? {} : { container: run.container }),
      ...(run.end.kind === 'exited' ? { exitCode: run.end.exitCode } : {}),
      ...(run.stdout.text ? { stdout: run.stdout.text } : {}),
      ...(run.stderr.text ? { stderr: run.stderr.text } : {}),
      ...(dropped > 0 ? { droppedBytes: dropped } : {}),
    },
  };
}

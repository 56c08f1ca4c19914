/** Which rule, sub-rule and action a message or log line is about. Positions are 0-based here, 1-based in text. */
export interface ActionRef {
  hook: 'pre' | 'post';
  rule: { id: string; name: string };
  subRule: number;
  /** Absent on what concerns a whole sub-rule (its pods could not be listed, none matched). */
  action?: number;
  /** The command as `describeCommand` shows it. */
  command?: string;
}

/** `pre-exec rule 'quiesce', sub-rule 1, action 2 (fsfreeze -f /data)` */
export function describeRef(ref: ActionRef): string {
  const action = ref.action === undefined ? '' : `, action ${ref.action + 1}`;
  const command = ref.command === undefined ? '' : ` (${ref.command})`;
  return `${ref.hook}-exec rule '${ref.rule.name}', sub-rule ${ref.subRule + 1}${action}${command}`;
}

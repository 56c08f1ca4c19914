import type { RuleAction } from '#schema/contracts/RuleSpec';

/** What the exec API runs for an action: a `command` through `/bin/sh -c`, an `argv` as it is. */
export function actionArgv(action: RuleAction): string[] {
  if (action.argv !== null) return action.argv;
  return ['/bin/sh', '-c', action.command ?? ''];
}

const shownLength = 80;

/** The action's command as messages show it: the `command` line or the joined `argv`, cut to one short line. */
export function describeCommand(action: RuleAction): string {
  const text = (action.argv !== null ? action.argv.join(' ') : (action.command ?? '')).replace(/\s+/g, ' ').trim();
  return text.length > shownLength ? `${text.slice(0, shownLength - 1)}…` : text;
}

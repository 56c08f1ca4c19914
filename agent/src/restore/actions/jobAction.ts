import type { RestoreAction } from './RestoreAction.ts';

/** The labels the Job controller derives from the Job's uid; the target generates its own. */
const uidLabels = ['controller-uid', 'batch.kubernetes.io/controller-uid'];

/**
 * Jobs: unless the user chose the selector (`manualSelector: true`), the API server generated it from the
 * source Job's uid, in `spec.selector` and in the pod template's labels, and refuses a new Job carrying another
 * Job's uid ("selector not auto-generated"). The uid labels are removed from both, and the selector too when
 * nothing else is left in it, so the target generates them for the restored Job.
 */
export const jobAction: RestoreAction = {
  appliesTo: { types: ['jobs.batch'] },
  run: (object) => {
    const spec = object.spec as
      | {
          manualSelector?: boolean;
          selector?: { matchLabels?: Record<string, string>; matchExpressions?: unknown[] };
          template?: { metadata?: { labels?: Record<string, string> } };
        }
      | undefined;
    if (!spec || spec.manualSelector === true) return { object };
    const templateLabels = spec.template?.metadata?.labels;
    for (const label of uidLabels) {
      delete spec.selector?.matchLabels?.[label];
      delete templateLabels?.[label];
    }
    const matchLabels = spec.selector?.matchLabels;
    if (matchLabels && Object.keys(matchLabels).length === 0) delete spec.selector?.matchLabels;
    if (spec.selector && !spec.selector.matchLabels && !spec.selector.matchExpressions?.length) delete spec.selector;
    return { object };
  },
};

import { Link } from '../router/Link.tsx';
import { unreachable } from '../ui/unreachable.ts';
import { MessageList } from './MessageList.tsx';
import { CountTable } from '../ui/CountTable.tsx';
import type { RestoreData } from './RestoreData.ts';
import { restoreAgainPath } from './restorePaths.ts';

export interface RestoreOutcomeProps {
  restore: RestoreData;
  /** Whether the caller may start a restore (offers "Restore again"). */
  canRestore: boolean;
  /** Shows the items that failed, in the list below. */
  onShowFailed: () => void;
}

/**
 * How an ended restore turned out, and what to do next: a dry run's plan; Completed with its counts;
 * PartiallyFailed with its failures, never passed off as a success; Failed with the error and the way on.
 */
export function RestoreOutcome({ restore, canRestore, onShowFailed }: RestoreOutcomeProps) {
  const result = restore.result ?? { countsByKind: [], warnings: [], errors: [] };
  const counts = restore.itemCounts;
  const again = canRestore ? (
    <Link to={restoreAgainPath(restore)} className="button-link">
      {restore.spec.dryRun ? 'Run this restore' : 'Restore again with these choices'}
    </Link>
  ) : undefined;

  if (restore.spec.dryRun && restore.phase !== 'Failed') {
    return (
      <section className="callout callout-info" aria-labelledby="outcome-title">
        <h2 id="outcome-title">Dry-run plan</h2>
        <p>
          The dry run read and verified the backup on the target cluster’s agent and changed nothing. This is what a
          restore with these choices would apply:
        </p>
        <CountTable counts={result.countsByKind} caption="Objects the restore would apply, by type" className="plan-table" />
        <MessageList title="Warnings" messages={result.warnings} tone="warn" />
        {again && <p className="outcome-actions">{again}</p>}
      </section>
    );
  }
  switch (restore.phase) {
    case 'Completed':
      return (
        <section className="callout callout-ok" aria-labelledby="outcome-title">
          <h2 id="outcome-title">✓ Restore completed</h2>
          <p>
            {counts.created} created, {counts.updated} updated, {counts.skipped} skipped (already in the target), no
            failures.
          </p>
          <MessageList title="Warnings" messages={result.warnings} tone="warn" />
        </section>
      );
    case 'PartiallyFailed':
      return (
        <section className="callout callout-warn" aria-labelledby="outcome-title">
          <h2 id="outcome-title">⚠ Restore partially failed</h2>
          <p>
            <strong>
              {counts.failed} {counts.failed === 1 ? 'item' : 'items'} failed
            </strong>
            ; the other {counts.created + counts.updated} were applied ({counts.created} created, {counts.updated}{' '}
            updated) and {counts.skipped} skipped.
          </p>
          <MessageList title="Failures" messages={result.errors} tone="bad" />
          <p>
            Fix what each failure names (a conflicting or immutable object in the target, a missing CRD, a quota), then
            restore again: with “leave it as it is”, what this restore applied is left alone.
          </p>
          <p className="outcome-actions">
            <button type="button" onClick={onShowFailed}>
              Show the failed items
            </button>
            {again}
          </p>
        </section>
      );
    case 'Failed':
      return (
        <section className="callout callout-bad" aria-labelledby="outcome-title" role="alert">
          <h2 id="outcome-title">✗ {restore.spec.dryRun ? 'Dry run failed' : 'Restore failed'}</h2>
          {result.errors.length > 0 ? (
            result.errors.map((error, i) => (
              <p key={i} className="error-message">
                {error}
              </p>
            ))
          ) : (
            <p className="error-message">The agent reported no reason.</p>
          )}
          <p>
            {counts.created + counts.updated > 0
              ? `${counts.created + counts.updated} items were applied before it stopped (listed below).`
              : 'Nothing was applied to the target cluster.'}{' '}
            Check that the target cluster’s agent is connected and can read the backup’s location (validate the
            location from that cluster), then try again.
          </p>
          {again && <p className="outcome-actions">{again}</p>}
        </section>
      );
    case 'Pending':
    case 'Running':
      return null;
    default:
      return unreachable(restore.phase);
  }
}

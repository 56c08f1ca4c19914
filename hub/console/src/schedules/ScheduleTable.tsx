import { describeSchedule } from '../policies/describeSchedule.ts';
import type { BackupSchedule, ScheduleLookups } from './BackupSchedule.ts';
import { LastRunCell } from './LastRunCell.tsx';
import { RunTimesCell } from './RunTimesCell.tsx';

export interface ScheduleTableProps {
  schedules: readonly BackupSchedule[];
  lookups: ScheduleLookups;
  now: number;
  /** Set when the caller may operate schedules. */
  onSuspend?: (schedule: BackupSchedule) => void;
  onResume?: (schedule: BackupSchedule) => void;
  onDelete?: (schedule: BackupSchedule) => void;
  /** The schedule whose suspend or resume is on its way, to disable its button. */
  busyId?: string;
}

/** A tenant's backup schedules: cluster, policy, next runs, last run; suspend, resume, delete. */
export function ScheduleTable({ schedules, lookups, now, onSuspend, onResume, onDelete, busyId }: ScheduleTableProps) {
  const name = <T extends { id: string; name: string }>(list: readonly T[], id: string | null) =>
    id ? (list.find((x) => x.id === id)?.name ?? 'unknown') : undefined;
  const actions = Boolean(onSuspend || onResume || onDelete);
  return (
    <table className="table settings-table">
      <caption className="visually-hidden">Backup schedules</caption>
      <thead>
        <tr>
          <th scope="col">Schedule</th>
          <th scope="col">Cluster</th>
          <th scope="col">Policy</th>
          <th scope="col">Next runs</th>
          <th scope="col">Last run</th>
          {actions && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {schedules.map((schedule) => {
          const policy = lookups.policies.find((p) => p.id === schedule.policyId);
          const t = schedule.template;
          const pre = name(lookups.rules, t.preRuleId);
          const post = name(lookups.rules, t.postRuleId);
          return (
            <tr key={schedule.id} data-schedule={schedule.name} className={schedule.lastRunError ? 'row-warn' : undefined}>
              <th scope="row" data-label="Schedule">
                <div className="cell-stack">
                  <span className="row-name">{schedule.name}</span>
                  <span className="subtle">
                    to {name(lookups.locations, t.locationId)}
                    {t.includeNamespaces.length ? ` · namespaces ${t.includeNamespaces.join(', ')}` : ' · all namespaces'}
                    {t.excludeNamespaces.length ? ` except ${t.excludeNamespaces.join(', ')}` : ''}
                    {t.labelSelectors.length ? ` · selectors ${t.labelSelectors.join(' | ')}` : ''}
                    {pre ? ` · before: ${pre}` : ''}
                    {post ? ` · after: ${post}` : ''}
                  </span>
                </div>
              </th>
              <td data-label="Cluster">{name(lookups.clusters, schedule.clusterId)}</td>
              <td data-label="Policy">
                <div className="cell-stack">
                  <span>{policy?.name ?? 'unknown'}</span>
                  {policy && <span className="subtle">{describeSchedule(policy.spec)}</span>}
                </div>
              </td>
              <td data-label="Next runs">
                <RunTimesCell schedule={schedule} now={now} />
              </td>
              <td data-label="Last run">
                <LastRunCell schedule={schedule} now={now} />
              </td>
              {actions && (
                <td data-label="Actions">
                  <div className="row-actions">
                    {schedule.suspended
                      ? onResume && (
                          <button
                            type="button"
                            className="small"
                            disabled={busyId === schedule.id}
                            onClick={() => onResume(schedule)}
                            aria-label={`Resume ${schedule.name}`}
                          >
                            Resume
                          </button>
                        )
                      : onSuspend && (
                          <button
                            type="button"
                            className="small"
                            disabled={busyId === schedule.id}
                            onClick={() => onSuspend(schedule)}
                            aria-label={`Suspend ${schedule.name}`}
                          >
                            Suspend
                          </button>
                        )}
                    {onDelete && (
                      <button
                        type="button"
                        className="small danger"
                        onClick={() => onDelete(schedule)}
                        aria-label={`Delete ${schedule.name}`}
                      >
                        Delete
                      </button>
                    )}
                  </div>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

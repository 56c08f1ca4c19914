import { RelativeTime } from '../ui/RelativeTime.tsx';
import { describeRetention, describeSchedule } from './describeSchedule.ts';
import type { SchedulePolicy } from './SchedulePolicy.ts';

export interface PolicyTableProps {
  policies: readonly SchedulePolicy[];
  /** Set when the caller may change policies (operators and admins). */
  onEdit?: (policy: SchedulePolicy) => void;
  onDelete?: (policy: SchedulePolicy) => void;
}

/** A tenant's schedule policies: their timing in words and how long their backups are kept. */
export function PolicyTable({ policies, onEdit, onDelete }: PolicyTableProps) {
  const now = Date.now();
  const actions = Boolean(onEdit || onDelete);
  return (
    <table className="table settings-table">
      <caption className="visually-hidden">Schedule policies</caption>
      <thead>
        <tr>
          <th scope="col">Policy</th>
          <th scope="col">When</th>
          <th scope="col">Retention</th>
          <th scope="col">Changed</th>
          {actions && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {policies.map((policy) => (
          <tr key={policy.id} data-policy={policy.name}>
            <th scope="row" data-label="Policy">
              <span className="row-name">{policy.name}</span>
            </th>
            <td data-label="When">{describeSchedule(policy.spec)}</td>
            <td data-label="Retention">{describeRetention(policy.spec)}</td>
            <td data-label="Changed">
              <RelativeTime at={policy.updatedAt} now={now} />
            </td>
            {actions && (
              <td data-label="Actions">
                <div className="row-actions">
                  {onEdit && (
                    <button type="button" className="small" onClick={() => onEdit(policy)} aria-label={`Edit ${policy.name}`}>
                      Edit
                    </button>
                  )}
                  {onDelete && (
                    <button
                      type="button"
                      className="small danger"
                      onClick={() => onDelete(policy)}
                      aria-label={`Delete ${policy.name}`}
                    >
                      Delete
                    </button>
                  )}
                </div>
              </td>
            )}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

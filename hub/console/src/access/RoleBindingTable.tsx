import { RelativeTime } from '../ui/RelativeTime.tsx';
import type { RoleBinding, User } from './accessOperations.ts';
import { describeScope } from './describeScope.ts';

export interface RoleBindingTableProps {
  bindings: readonly RoleBinding[];
  users: readonly User[];
  clusterNames: ReadonlyMap<string, string>;
  onRevoke?: (binding: RoleBinding) => void;
}

/** Who holds which role in the tenant, and where. */
export function RoleBindingTable({ bindings, users, clusterNames, onRevoke }: RoleBindingTableProps) {
  const now = Date.now();
  return (
    <table className="table settings-table">
      <caption className="visually-hidden">Role bindings</caption>
      <thead>
        <tr>
          <th scope="col">Subject</th>
          <th scope="col">Role</th>
          <th scope="col">Where</th>
          <th scope="col">Granted</th>
          {onRevoke && <th scope="col">Actions</th>}
        </tr>
      </thead>
      <tbody>
        {bindings.map((b) => {
          const email = b.subjectKind === 'user' ? users.find((u) => u.subject === b.subject)?.email : undefined;
          return (
            <tr key={b.id} data-binding={`${b.subjectKind}:${b.subject}`}>
              <th scope="row" data-label="Subject">
                <div className="cell-stack">
                  <span className="row-name">{email ?? b.subject}</span>
                  <span className="subtle">
                    {b.subjectKind === 'group' ? 'Group' : `User ${email ? b.subject : ''}`}
                  </span>
                </div>
              </th>
              <td data-label="Role">{b.role}</td>
              <td data-label="Where">{describeScope(b, clusterNames)}</td>
              <td data-label="Granted">
                <RelativeTime at={b.createdAt} now={now} />
              </td>
              {onRevoke && (
                <td data-label="Actions">
                  <button
                    type="button"
                    className="small danger"
                    onClick={() => onRevoke(b)}
                    aria-label={`Revoke ${b.role} of ${b.subjectKind} ${b.subject}`}
                  >
                    Revoke
                  </button>
                </td>
              )}
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

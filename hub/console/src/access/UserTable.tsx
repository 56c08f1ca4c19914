import { RelativeTime } from '../ui/RelativeTime.tsx';
import type { User } from './accessOperations.ts';

/** People the tenant's bindings reach who have signed in: their subject, bound groups and (to hub admins) last sign-in. */
export function UserTable({ users }: { users: readonly User[] }) {
  const now = Date.now();
  return (
    <table className="table settings-table">
      <caption className="visually-hidden">Users</caption>
      <thead>
        <tr>
          <th scope="col">User</th>
          <th scope="col">Groups</th>
          <th scope="col">Last seen</th>
        </tr>
      </thead>
      <tbody>
        {users.map((u) => (
          <tr key={u.id} data-user={u.subject}>
            <th scope="row" data-label="User">
              <div className="cell-stack">
                <span className="row-name">{u.email ?? u.subject}</span>
                <span className="subtle">subject {u.subject}</span>
              </div>
            </th>
            <td data-label="Groups">{u.groups.length ? u.groups.join(', ') : <span className="subtle">None</span>}</td>
            <td data-label="Last seen">
              {u.lastSeenAt ? <RelativeTime at={u.lastSeenAt} now={now} /> : <span className="subtle">Hidden</span>}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

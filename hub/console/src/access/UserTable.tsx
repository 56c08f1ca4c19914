import { RelativeTime } from '../ui/RelativeTime.tsx';
import { SettingsTable } from '../ui/SettingsTable.tsx';
import type { User } from './accessOperations.ts';

/** People the tenant's bindings reach who have signed in: their subject, bound groups and (to hub admins) last sign-in. */
export function UserTable({ users }: { users: readonly User[] }) {
  const now = Date.now();
  return (
    <SettingsTable
      caption="Users"
      rows={users}
      rowProps={(u) => ({ 'data-user': u.subject })}
      columns={[
        {
          header: 'User',
          cell: (u) => (
            <div className="cell-stack">
              <span className="row-name">{u.email ?? u.subject}</span>
              <span className="subtle">subject {u.subject}</span>
            </div>
          ),
        },
        { header: 'Groups', cell: (u) => (u.groups.length ? u.groups.join(', ') : <span className="subtle">None</span>) },
        {
          header: 'Last seen',
          cell: (u) => (u.lastSeenAt ? <RelativeTime at={u.lastSeenAt} now={now} /> : <span className="subtle">Hidden</span>),
        },
      ]}
    />
  );
}

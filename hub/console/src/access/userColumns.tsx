import { nameColumn } from '../ui/nameColumn.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import type { TableColumns } from '../ui/DataTable.tsx';
import type { User } from './accessOperations.ts';

/** People the tenant's bindings reach who have signed in: their subject, bound groups and (to hub admins) last sign-in. */
export function userColumns(now: number): TableColumns<User> {
  return [
    nameColumn<User>({ header: 'User', name: (u) => u.email ?? u.subject, about: (u) => <span className="subtle">subject {u.subject}</span> }),
    { header: 'Groups', cell: (u) => (u.groups.length ? u.groups.join(', ') : <span className="subtle">None</span>) },
    {
      header: 'Last seen',
      cell: (u) => (u.lastSeenAt ? <RelativeTime at={u.lastSeenAt} now={now} /> : <span className="subtle">Hidden</span>),
    },
  ];
}

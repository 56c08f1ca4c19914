import { nameColumn } from '../ui/nameColumn.tsx';
import { RelativeTime } from '../ui/RelativeTime.tsx';
import type { TableColumns } from '../ui/DataTable.tsx';
import type { RoleBinding, User } from './accessOperations.ts';
import { describeScope } from './describeScope.ts';

/** Who holds which role in the tenant, and where; users named by the email they signed in with. */
export function roleBindingColumns(users: readonly User[], clusterNames: ReadonlyMap<string, string>, now: number): TableColumns<RoleBinding> {
  const emailOf = (b: RoleBinding) =>
    b.subjectKind === 'user' ? users.find((u) => u.subject === b.subject)?.email : undefined;
  return [
    nameColumn<RoleBinding>({
      header: 'Subject',
      name: (b) => emailOf(b) ?? b.subject,
      about: (b) => <span className="subtle">{b.subjectKind === 'group' ? 'Group' : `User ${emailOf(b) ? b.subject : ''}`}</span>,
    }),
    { header: 'Role', cell: (b) => b.role },
    { header: 'Where', cell: (b) => describeScope(b, clusterNames) },
    { header: 'Granted', cell: (b) => <RelativeTime at={b.createdAt} now={now} /> },
  ];
}

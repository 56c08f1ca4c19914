import { RelativeTime } from '../ui/RelativeTime.tsx';
import { SettingsTable } from '../ui/SettingsTable.tsx';
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
  const emailOf = (b: RoleBinding) =>
    b.subjectKind === 'user' ? users.find((u) => u.subject === b.subject)?.email : undefined;
  return (
    <SettingsTable
      caption="Role bindings"
      rows={bindings}
      rowProps={(b) => ({ 'data-binding': `${b.subjectKind}:${b.subject}` })}
      columns={[
        {
          header: 'Subject',
          cell: (b) => {
            const email = emailOf(b);
            return (
              <div className="cell-stack">
                <span className="row-name">{email ?? b.subject}</span>
                <span className="subtle">{b.subjectKind === 'group' ? 'Group' : `User ${email ? b.subject : ''}`}</span>
              </div>
            );
          },
        },
        { header: 'Role', cell: (b) => b.role },
        { header: 'Where', cell: (b) => describeScope(b, clusterNames) },
        { header: 'Granted', cell: (b) => <RelativeTime at={b.createdAt} now={now} /> },
      ]}
      actions={[
        {
          label: 'Revoke',
          danger: true,
          run: onRevoke,
          name: (b) => `Revoke ${b.role} of ${b.subjectKind} ${b.subject}`,
        },
      ]}
    />
  );
}

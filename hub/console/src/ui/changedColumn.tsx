import { RelativeTime } from './RelativeTime.tsx';
import type { TableColumn } from './DataTable.tsx';

/** When a setting last changed, as "3 hours ago" (the exact time on hover). */
export const changedColumn: TableColumn<{ updatedAt: string }> = {
  header: 'Changed',
  cell: (row) => <RelativeTime at={row.updatedAt} now={Date.now()} />,
};

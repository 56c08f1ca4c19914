import type { ReactNode } from 'react';

export interface EmptyStateProps {
  title: string;
  /** What the list would hold and how to get the first item. */
  children?: ReactNode;
  /** A button or link that makes the first item. */
  action?: ReactNode;
}

/** A list with nothing in it yet: says so, and what to do about it. */
export function EmptyState({ title, children, action }: EmptyStateProps) {
  return (
    <div className="state state-empty">
      <h2>{title}</h2>
      {children && <div className="state-body">{children}</div>}
      {action && <div className="state-actions">{action}</div>}
    </div>
  );
}

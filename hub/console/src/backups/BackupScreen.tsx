import type { ReactNode } from 'react';
import './backups.css';

/** The frame of the backup screens: scopes their styles (backups.css) so they restyle no other screen. */
export function BackupScreen({ children }: { children: ReactNode }) {
  return <div className="backup-screens">{children}</div>;
}

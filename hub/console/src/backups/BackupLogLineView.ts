/** One line of a backup's log as the detail page shows it (`BackupLogLine`); rule fields are null elsewhere. */
export interface BackupLogLineView {
  level: 'info' | 'warning' | 'error';
  message: string;
  resource: string | null;
  namespace: string | null;
  name: string | null;
  hook: 'pre' | 'post' | null;
  ruleName: string | null;
  container: string | null;
  exitCode: number | null;
  stdout: string | null;
  stderr: string | null;
}

export const backupLogLineFields = `
  level message resource namespace name hook ruleName container exitCode stdout stderr
`;

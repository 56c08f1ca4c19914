import { JobFailure } from '../../../jobs/JobFailure.ts';

/**
 * Turns a file-system error met in the middle of a job at `where` into what an operator should check: the
 * same advice `probeFilesystemLocation` gives, for a volume that was fine when the job started.
 */
export function explainFilesystemError(error: unknown, where: string): JobFailure {
  return new JobFailure(advice(error, where), { cause: error });
}

function advice(error: unknown, where: string): string {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'ENOENT':
      return `${where} is gone from the agent's file system; check that the volume is still mounted`;
    case 'EACCES':
    case 'EPERM':
      return `the agent may not write to ${where}; fix the volume's permissions or the agent's user`;
    case 'EROFS':
      return `${where} is mounted read-only; mount it read-write`;
    case 'ENOSPC':
    case 'EDQUOT':
      return `${where} is full`;
    default:
      return `could not use ${where} (${code ?? 'no error code'}): ${error instanceof Error ? error.message : String(error)}`;
  }
}

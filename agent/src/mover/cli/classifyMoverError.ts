import { RepositoryError } from '../../repository/RepositoryError.ts';
import { ChecksumMismatchError } from '../../storage/ChecksumMismatchError.ts';
import { LocationError } from './LocationError.ts';
import { type MoverExitCode, moverExitCodes } from './moverExitCodes.ts';
import { MoverUsageError } from './MoverUsageError.ts';

const networkCodes = new Set(['ECONNREFUSED', 'ECONNRESET', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'EPIPE']);

/** The exit code and the error code an error ends `fleetback mover` with. */
export function classifyMoverError(error: unknown): { exitCode: MoverExitCode; code: string } {
  if (error instanceof MoverUsageError) return { exitCode: moverExitCodes.usage, code: error.code };
  if (error instanceof LocationError) return { exitCode: moverExitCodes.location, code: error.code };
  if (error instanceof ChecksumMismatchError) return { exitCode: moverExitCodes.keyOrData, code: 'CORRUPT_OBJECT' };
  if (error instanceof RepositoryError) {
    const code: string = error.code;
    switch (code) {
      case 'BAD_SETTING':
        return { exitCode: moverExitCodes.usage, code };
      case 'NO_REPOSITORY':
      case 'REPOSITORY_EXISTS':
        return { exitCode: moverExitCodes.repository, code };
      default:
        return { exitCode: moverExitCodes.keyOrData, code };
    }
  }
  const systemCode = (error as { code?: unknown } | null)?.code;
  if (typeof systemCode === 'string' && networkCodes.has(systemCode)) return { exitCode: moverExitCodes.location, code: 'LOCATION_UNAVAILABLE' };
  return { exitCode: moverExitCodes.failed, code: 'INTERNAL' };
}

import { describe, expect, it } from 'vitest';
import { execEndOf } from './execEndOf.ts';

describe('execEndOf', () => {
  it('reads success as exit code 0', () => {
    expect(execEndOf({ status: 'Success', metadata: {} })).toEqual({ kind: 'exited', exitCode: 0 });
  });

  it("reads a kubelet's ExitCode cause", () => {
    const status = {
      status: 'Failure',
      message: 'command terminated with non-zero exit code: error executing command [sh -c exit 3], exit code 3',
      reason: 'NonZeroExitCode',
      details: { causes: [{ reason: 'ExitCode', message: '3' }] },
    };
    expect(execEndOf(status)).toEqual({ kind: 'exited', exitCode: 3 });
  });

  it('falls back to the exit status in the message, as kwok reports it', () => {
    const status = { status: 'Failure', message: 'Internal error occurred: error executing command in container: exit status 7' };
    expect(execEndOf(status)).toEqual({ kind: 'exited', exitCode: 7 });
  });

  it('is a failure with the message when there is no exit code', () => {
    const status = {
      status: 'Failure',
      message: 'error executing command in container: cmd start: exec: "pg_dump": executable file not found in $PATH',
    };
    expect(execEndOf(status)).toEqual({ kind: 'failed', message: status.message });
  });
});

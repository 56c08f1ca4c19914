/**
 * The hub could not open its HTTP port. The message is one line an operator can act on (what holds the port or
 * why it was refused, and the setting that changes it), printed without a stack trace.
 */
export class ListenError extends Error {
  override readonly name = 'ListenError';

  constructor(host: string, port: number, cause: unknown) {
    super(`cannot listen on ${host}:${port}: ${reasonOf(cause)}`, { cause });
  }
}

function reasonOf(cause: unknown): string {
  const code = (cause as NodeJS.ErrnoException | undefined)?.code;
  switch (code) {
    case 'EADDRINUSE':
      return 'the port is in use (another hub or program holds it); stop it, or choose another port with FLEETBACK_PORT or --port';
    case 'EACCES':
      return 'permission denied; ports below 1024 need privileges, choose another with FLEETBACK_PORT or --port';
    case 'EADDRNOTAVAIL':
      return 'no interface of this machine has that address; set FLEETBACK_HOST or --host to one it has';
    default:
      return (cause as Error | undefined)?.message ?? String(cause);
  }
}

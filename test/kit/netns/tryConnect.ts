import { connect } from 'node:net';

/** How a TCP connection attempt ended: `error CODE` for anything but success, a refusal or silence. */
export type ConnectOutcome = 'connected' | 'refused' | 'timeout' | `error ${string}`;

/**
 * Tries one TCP connection and says how it ended, closing it at once if it opened. A port behind a firewall
 * that drops packets never answers, so `timeoutMs` bounds the wait; the outcome, not the time, is the result.
 */
export function tryConnect(host: string, port: number, timeoutMs: number): Promise<ConnectOutcome> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    const settle = (outcome: ConnectOutcome) => {
      clearTimeout(timer);
      socket.destroy();
      resolve(outcome);
    };
    const timer = setTimeout(() => settle('timeout'), timeoutMs);
    socket.once('connect', () => settle('connected'));
    socket.once('error', (error: NodeJS.ErrnoException) =>
      settle(error.code === 'ECONNREFUSED' ? 'refused' : `error ${error.code ?? error.message}`),
    );
  });
}

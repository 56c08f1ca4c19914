import { PassThrough } from 'node:stream';
import { Exec, type KubeConfig, type V1Status } from '@kubernetes/client-node';
// Not re-exported by the package's index; the package has no exports map, so its files are importable.
import { WebSocketHandler } from '@kubernetes/client-node/dist/web-socket-handler.js';
import { execEndOf } from './execEndOf.ts';
import type { ExecEnd, ExecRequest, PodExec } from './PodExec.ts';

export interface WebSocketPodExecOptions {
  /** How long a command asked to stop through its stdin may take to exit by itself. Default 2 s. */
  stopGraceMs?: number;
}

/** How long a closing handshake may take before the connection is cut. */
const closeTimeoutMs = 1000;

/**
 * `PodExec` over client-node's `Exec`: one WebSocket per command to the API server's `pods/exec`
 * subresource (the agent's role needs `create` on it), which reports the exit status as a `Status` on its
 * error channel (`execEndOf`).
 */
export class WebSocketPodExec implements PodExec {
  readonly #exec: Exec;
  readonly #stopGraceMs: number;

  constructor(kubeConfig: KubeConfig, options: WebSocketPodExecOptions = {}) {
    // Streams of our own for the handler: by default it would end the agent's process.stdout when a server
    // closes a stream of the session (protocol v5).
    const streams = { stdin: new PassThrough(), stdout: new PassThrough(), stderr: new PassThrough() };
    this.#exec = new Exec(kubeConfig, new WebSocketHandler(kubeConfig, undefined, streams));
    this.#stopGraceMs = options.stopGraceMs ?? 2000;
  }

  async run(request: ExecRequest): Promise<ExecEnd> {
    const { signal } = request;
    if (signal.aborted) return { kind: 'stopped' };
    const stdin = request.holdStdin ? new PassThrough() : null;
    let status: V1Status | undefined;
    let socket;
    try {
      socket = await this.#exec.exec(
        request.namespace,
        request.pod,
        request.container,
        request.argv,
        request.stdout,
        request.stderr,
        stdin,
        false,
        (s) => {
          status = s;
        },
      );
    } catch (error) {
      return { kind: 'failed', message: describeConnectError(error) };
    }
    request.onStarted?.();
    const open = socket;
    return new Promise<ExecEnd>((resolve) => {
      let stopping = false;
      const timers: NodeJS.Timeout[] = [];
      const stop = () => {
        stopping = true;
        // The stop request (`PodExec`). Both parts: the end of stdin does not reach the command everywhere
        // (kwok's exec drops it), a line does.
        stdin?.end('stop\n');
        timers.push(
          setTimeout(
            () => {
              open.close(1000, 'stopped');
              timers.push(setTimeout(() => open.terminate(), closeTimeoutMs));
            },
            stdin ? this.#stopGraceMs : 0,
          ),
        );
      };
      const finish = (code: number, reason: string) => {
        for (const timer of timers) clearTimeout(timer);
        signal.removeEventListener('abort', stop);
        if (status) return resolve(execEndOf(status));
        if (stopping) return resolve({ kind: 'stopped' });
        const why = reason ? `${code}, ${reason}` : String(code);
        resolve({ kind: 'failed', message: `the exec session closed before the command's exit status came (${why})` });
      };
      if (open.readyState === open.CLOSED) return finish(1006, '');
      open.on('close', (code: number, reason: Buffer) => finish(code, reason.toString('utf8')));
      signal.addEventListener('abort', stop, { once: true });
      // Aborted while the session was being opened: the event has fired already.
      if (signal.aborted) stop();
    });
  }
}

/**
 * Why the exec session could not be opened. The WebSocket library reports a refused upgrade only by its
 * HTTP status, so the usual ones are explained here.
 */
function describeConnectError(error: unknown): string {
  const message =
    typeof error === 'object' && error !== null && typeof (error as { message?: unknown }).message === 'string'
      ? (error as { message: string }).message
      : String(error);
  const status = /Unexpected server response: (\d+)/.exec(message)?.[1];
  switch (status) {
    case '401':
    case '403':
      return `the agent may not exec into this pod (HTTP ${status}): its role needs create on pods/exec`;
    case '404':
      return 'the pod no longer exists (HTTP 404)';
    case '400':
      return 'the API server refused the exec (HTTP 400): the container may not be running';
    default:
      return `could not open an exec session: ${message}`;
  }
}

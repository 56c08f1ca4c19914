import type { Writable } from 'node:stream';

/** One command to run in a container of a pod through the Kubernetes exec API. */
export interface ExecRequest {
  namespace: string;
  pod: string;
  container: string;
  /** The program and its arguments, as the exec API takes them (no shell is added). */
  argv: string[];
  stdout: Writable;
  stderr: Writable;
  /**
   * Open the command's stdin and keep it open until the session is stopped, which is how a command that
   * runs until it is stopped learns that it is to stop (see `PodExec`).
   */
  holdStdin: boolean;
  /** Aborting it stops the session; the run then ends `stopped`, or `exited` if the command ends in time. */
  signal: AbortSignal;
  /** Called once, when the session is established and the command has been started. */
  onStarted?: () => void;
}

/**
 * How an exec session ended: the command exited with a code; the session failed (the API refused it, or the
 * command could not be started or reported no exit code); or it was stopped by `signal` before it exited.
 */
export type ExecEnd =
  | { kind: 'exited'; exitCode: number }
  | { kind: 'failed'; message: string }
  | { kind: 'stopped' };

/**
 * Runs commands in pods. Resolves with how each ended and never rejects: an exec that cannot even start is
 * a `failed` end, so the caller treats every way an action can go wrong alike.
 *
 * Stopping a session whose stdin is held asks the command to stop: the line `stop` is written to its stdin
 * and stdin is closed; the command then has a short grace period to exit by itself (its exit code is then
 * reported), after which, or at once when stdin is not held, the connection is closed. The exec API has no
 * way to signal a process, and what a runtime does to one whose session closed differs (some close its
 * stdin, some leave it running untouched), so a command meant to run until it is stopped must end when a
 * line or the end of input arrives on its stdin: `…; read _; …` in a shell.
 */
export interface PodExec {
  run(request: ExecRequest): Promise<ExecEnd>;
}

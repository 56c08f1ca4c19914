/** A running peer: its plain connection details and how to stop it. */
export interface PeerHandle<Info> {
  info: Info;
  /** Stops every process of the peer and waits for them to exit. Safe to call twice. */
  stop(): Promise<void>;
  /** Log tails of the peer's processes, for printing when something failed. */
  logTails(): string;
}

import { buildCommand } from './peerBinary.ts';

/** A peer's binary or package is not installed, so the peer cannot start. */
export class PeerMissingError extends Error {
  override readonly name = 'PeerMissingError';
  constructor(
    readonly peer: string,
    readonly command: string = buildCommand,
  ) {
    super(`test-world peer '${peer}' is not built; build it with: ${command}`);
  }
}

/** How `fleetback mover` ends; documented in the README, stable for scripts and the agent's mover pods. */
export const moverExitCodes = {
  ok: 0,
  /** A bug or an error of a kind not listed here; the error line says what. */
  failed: 1,
  /** Bad command line, settings, location file or key. */
  usage: 2,
  /** Done, but some entries were not backed up or not restored; each was reported on stdout. */
  partial: 3,
  /** The key does not open the repository, or repository data is damaged. */
  keyOrData: 4,
  /** The location cannot be reached or refuses us (network, credentials, missing bucket, permissions). */
  location: 5,
  /** `init` found a repository already there, or another command found none. */
  repository: 6,
} as const;

export type MoverExitCode = (typeof moverExitCodes)[keyof typeof moverExitCodes];

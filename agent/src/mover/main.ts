import { initRepository } from '../repository/initRepository.ts';
import { openRepository } from '../repository/openRepository.ts';
import { runMover } from './cli/runMover.ts';

/** `fleetback mover …`: see `runMover`; the process ends with its exit code. */
export async function main(argv: string[]): Promise<void> {
  process.exitCode = await runMover(
    argv,
    {
      env: process.env,
      stdout: (line) => process.stdout.write(`${line}\n`),
      stderr: (line) => process.stderr.write(`${line}\n`),
    },
    { init: (store, kek) => initRepository(store, kek), open: openRepository },
  );
}

import { main } from '../../agent/src/mover/main.ts';

// `fleetback mover` from source, for tests that run it as its own process (exit codes, stdout lines).
await main(process.argv.slice(2));

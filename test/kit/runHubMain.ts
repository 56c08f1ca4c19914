import { main } from '../../hub/src/main.ts';

// `fleetback hub` from source, for tests that need the hub as its own process (signals, exit codes, stdout).
await main(process.argv.slice(2));

import { main } from '../../agent/src/main.ts';

// `fleetback agent` from source, for tests that run the agent as its own process (kill, restart, exit codes).
await main(process.argv.slice(2));

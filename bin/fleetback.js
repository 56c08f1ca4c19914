#!/usr/bin/env node
// The `fleetback` command: dispatches to the compiled hub or agent entry point.
const [command, ...rest] = process.argv.slice(2);
if (command === 'hub') {
  const { main } = await import('../dist/hub/src/main.js');
  await main(rest);
} else if (command === 'agent') {
  const { main } = await import('../dist/agent/src/main.js');
  await main(rest);
} else if (command === 'mover') {
  const { main } = await import('../dist/agent/src/mover/main.js');
  await main(rest);
} else {
  console.error(
    'usage: fleetback hub|agent [--flag value …]   fleetback hub reset-admin-token [--flag value …]   fleetback mover init|backup|restore|snapshots [--flag value …]   (see the README for every setting)',
  );
  process.exit(command === undefined || command === '--help' ? 0 : 2);
}

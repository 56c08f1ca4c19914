import { ConfigError, loadConfig } from './config/loadConfig.ts';
import { createLogger } from './server/Logger.ts';
import { startHub } from './server/startHub.ts';

/** `fleetback hub [--flag value …]`: runs the hub until SIGTERM or SIGINT, then drains and exits. */
export async function main(argv: string[]): Promise<void> {
  let config: ReturnType<typeof loadConfig>;
  try {
    config = loadConfig(process.env, argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`fleetback hub: bad configuration: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = createLogger(config.logLevel);
  const hub = await startHub(config, logger);
  if (hub.adminToken) {
    // Printed once, on the first start: the only copy of the secret outside the hash in the database.
    console.log(
      `\n  Built-in admin token (shown only now; store it safely):\n\n    ${hub.adminToken}\n\n  Use it as: Authorization: Bearer <token>   GraphQL endpoint: ${hub.url}/graphql\n`,
    );
  }
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.once(signal, () => {
      logger.info({ signal }, 'draining in-flight requests and stopping');
      hub.stop().then(
        () => process.exit(0),
        (error: unknown) => {
          logger.error({ error: String(error) }, 'stop failed');
          process.exit(1);
        },
      );
    });
  }
}

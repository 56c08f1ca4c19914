import { ConfigError, type HubConfig, loadConfig } from './config/loadConfig.ts';
import { createOrm, defaultSqliteFile } from './server/createOrm.ts';
import { ListenError } from './server/ListenError.ts';
import { createLogger } from './logging/Logger.ts';
import { resetAdminToken } from './server/resetAdminToken.ts';
import { secureDataDir } from './server/secureDataDir.ts';
import { startHub } from './server/startHub.ts';

/**
 * `fleetback hub [--flag value …]`: runs the hub until SIGTERM or SIGINT, then drains and exits.
 * `fleetback hub reset-admin-token [--flag value …]`: with the hub's own database settings, replaces the
 * built-in admin token and prints the new one.
 */
export async function main(argv: string[]): Promise<void> {
  if (argv[0] === 'reset-admin-token') {
    await resetAdminTokenCommand(configOrExit(argv.slice(1)));
    return;
  }
  const config = configOrExit(argv);
  const logger = createLogger(config.logLevel);
  let hub: Awaited<ReturnType<typeof startHub>>;
  try {
    // Printed before its hash is stored: the only copy of the secret outside the database.
    hub = await startHub(config, logger, { showAdminToken: printAdminToken });
  } catch (error) {
    if (error instanceof ListenError) {
      console.error(`fleetback hub: ${error.message}`);
      process.exit(1);
    }
    throw error;
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

function configOrExit(argv: string[]): HubConfig {
  try {
    return loadConfig(process.env, argv);
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(`fleetback hub: bad configuration: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
}

function printAdminToken(token: string, url: string): void {
  console.log(
    `\n  Built-in admin token (shown only now; store it safely):\n\n    ${token}\n\n  Use it as: Authorization: Bearer <token>   GraphQL endpoint: ${url}/graphql\n`,
  );
}

async function resetAdminTokenCommand(config: HubConfig): Promise<void> {
  if (!config.databaseUrl) secureDataDir(config.dataDir, defaultSqliteFile, createLogger(config.logLevel));
  const orm = await createOrm(config);
  try {
    const token = await resetAdminToken(orm.em.fork());
    console.log(
      `\n  New built-in admin token (shown only now; store it safely; the previous one no longer works):\n\n    ${token}\n`,
    );
  } finally {
    await orm.close();
  }
}

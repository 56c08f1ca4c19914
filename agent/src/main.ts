import { pino } from 'pino';
import { renderSettingsHelp } from '#schema/settings/renderSettingsTable';
import { agentSettings } from './config/agentSettings.ts';
import { AgentConfigError, loadAgentConfig } from './config/loadAgentConfig.ts';
import { loadKubeConfig } from './kube/loadKubeConfig.ts';
import { AgentFatalError } from './link/AgentFatalError.ts';
import { FileCredentialStore } from './link/FileCredentialStore.ts';
import { SecretCredentialStore } from './link/SecretCredentialStore.ts';
import { runAgent } from './runAgent.ts';

function usage(): string {
  return `usage: fleetback agent [--flag value …]\n\n${renderSettingsHelp(agentSettings)}\n`;
}

/**
 * `fleetback agent`: runs until SIGTERM or SIGINT. Exits 2 on bad configuration and 3 when the hub refuses
 * the agent for good (an unusable enrollment token, a revoked credential, an incompatible hub).
 */
export async function main(argv: string[]): Promise<void> {
  if (argv.includes('--help')) {
    console.info(usage());
    return;
  }
  let config: ReturnType<typeof loadAgentConfig>;
  try {
    config = loadAgentConfig(process.env, argv);
  } catch (error) {
    if (error instanceof AgentConfigError) {
      console.error(`fleetback agent: bad configuration: ${error.message}`);
      process.exit(2);
    }
    throw error;
  }
  const logger = pino({
    level: config.logLevel,
    base: { service: 'fleetback-agent' },
    redact: { paths: ['*.credential', '*.token', '*.enrollmentToken'], censor: '[redacted]' },
  });
  let access: ReturnType<typeof loadKubeConfig>;
  try {
    access = loadKubeConfig(config.kubeconfig);
  } catch (error) {
    const where = config.kubeconfig ?? 'the in-cluster service account, KUBECONFIG or ~/.kube/config';
    console.error(`fleetback agent: bad configuration: cannot load the cluster's configuration from ${where}: ${(error as Error).message}`);
    process.exit(2);
  }
  const store =
    access.ownNamespace && !config.credentialFile
      ? new SecretCredentialStore(access.kubeConfig, access.ownNamespace, config.credentialSecret)
      : new FileCredentialStore(config.credentialFile ?? 'data/agent.credential');
  const refuse = (error: unknown) => {
    if (!(error instanceof AgentFatalError)) throw error;
    logger.error(error.message);
    console.error(`fleetback agent: ${error.message}`);
    process.exit(3);
  };
  try {
    const agent = await runAgent(config, access, store, logger);
    for (const signal of ['SIGTERM', 'SIGINT'] as const) {
      process.once(signal, () => {
        logger.info({ signal }, 'stopping; running jobs will be offered again');
        void agent.stop().then(() => process.exit(0));
      });
    }
    await agent.done.catch(refuse);
  } catch (error) {
    refuse(error);
  }
}

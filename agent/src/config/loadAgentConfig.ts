import { type ReadSettings, readSettings } from '#schema/settings/readSettings';
import { WireError } from '#schema/contracts/WireError';
import type { LogLevel } from '#schema/settings/settingParsers';
import type { StallLimits } from '../storage/StallWatch.ts';
import { agentSettings } from './agentSettings.ts';

/** The agent's settings, read from the `agentSettings` table and checked together. */
export interface AgentConfig {
  hubUrl: URL;
  enrollmentToken: string | undefined;
  /** Where the credential is kept out of cluster; in-cluster it is a Secret unless this is set. */
  credentialFile: string | undefined;
  credentialSecret: string;
  kubeconfig: string | undefined;
  /** PEM bundle added to the trusted roots for a wss:// hub. */
  caBundle: string | undefined;
  maxConcurrentJobs: number;
  logLevel: LogLevel;
  /** How long a job's location may stay silent before its progress warns, and before the job fails. */
  storeStall: StallLimits;
}

/** A bad setting; the message names it (the variable, or the flag when the flag gave the value). */
export class AgentConfigError extends Error {
  override readonly name = 'AgentConfigError';
  readonly code = 'BAD_SETTING';
}

/** Reads and checks the agent's settings; throws `AgentConfigError` naming the first bad one. */
export function loadAgentConfig(env: NodeJS.ProcessEnv, argv: string[]): AgentConfig {
  let read: ReadSettings<typeof agentSettings>;
  try {
    read = readSettings(agentSettings, env, argv, "run 'fleetback agent --help' for the settings");
  } catch (error) {
    if (error instanceof WireError) throw new AgentConfigError(error.message);
    throw error;
  }
  const { values, sourceOf } = read;
  if (!values.hubUrl) throw new AgentConfigError(`${agentSettings.hubUrl.env}: required (the hub's URL)`);
  if (values.storeStallWarningSeconds >= values.storeStallTimeoutSeconds) {
    throw new AgentConfigError(
      `${sourceOf('storeStallWarningSeconds')} must be below ${sourceOf('storeStallTimeoutSeconds')}: the warning comes before the failure`,
    );
  }
  return {
    hubUrl: values.hubUrl,
    enrollmentToken: values.enrollmentToken,
    credentialFile: values.credentialFile,
    credentialSecret: values.credentialSecret,
    kubeconfig: values.kubeconfig,
    caBundle: values.caFile,
    maxConcurrentJobs: values.maxConcurrentJobs,
    logLevel: values.logLevel,
    storeStall: {
      warnAfterMs: values.storeStallWarningSeconds * 1000,
      failAfterMs: values.storeStallTimeoutSeconds * 1000,
    },
  };
}

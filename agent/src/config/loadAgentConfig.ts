import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { StallLimits } from '../storage/StallWatch.ts';

/** The agent's settings: each a `FLEETBACK_*` variable and a `fleetback agent --flag` (the flag wins). */
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
  logLevel: string;
  /** How long a job's location may stay silent before its progress warns, and before the job fails. */
  storeStall: StallLimits;
}

/** A bad setting; the message names it. */
export class AgentConfigError extends Error {
  override readonly name = 'AgentConfigError';
}

export const agentSettings = {
  hubUrl: { env: 'FLEETBACK_HUB_URL', flag: 'hub-url', help: "The hub's URL, e.g. https://fleetback.example.com" },
  enrollmentToken: { env: 'FLEETBACK_ENROLLMENT_TOKEN', flag: 'enrollment-token', help: 'One-time token from registerCluster' },
  credentialFile: { env: 'FLEETBACK_CREDENTIAL_FILE', flag: 'credential-file', help: 'File keeping the cluster credential (default ./data/agent.credential out of cluster)' },
  credentialSecret: { env: 'FLEETBACK_CREDENTIAL_SECRET', flag: 'credential-secret', help: "In-cluster: the Secret in the agent's namespace keeping the credential (default fleetback-agent-credential)" },
  kubeconfig: { env: 'FLEETBACK_KUBECONFIG', flag: 'kubeconfig', help: 'Kubeconfig file (default: in-cluster, else KUBECONFIG or ~/.kube/config)' },
  caFile: { env: 'FLEETBACK_CA_FILE', flag: 'ca-file', help: 'PEM CA bundle to trust for the hub, besides the system roots' },
  maxConcurrentJobs: { env: 'FLEETBACK_MAX_CONCURRENT_JOBS', flag: 'max-concurrent-jobs', help: 'Jobs run at once (default 2)' },
  logLevel: { env: 'FLEETBACK_LOG_LEVEL', flag: 'log-level', help: 'debug, info, warn or error (default info)' },
  storeStallWarningSeconds: { env: 'FLEETBACK_STORE_STALL_WARNING_SECONDS', flag: 'store-stall-warning-seconds', help: "Seconds a backup location may leave a job's request unanswered before the job's progress shows a warning (default 60)" },
  storeStallTimeoutSeconds: { env: 'FLEETBACK_STORE_STALL_TIMEOUT_SECONDS', flag: 'store-stall-timeout-seconds', help: 'Seconds a backup location may leave a request unanswered before the job fails, naming it (default 300)' },
} as const;

/** Reads and checks the agent's settings; throws `AgentConfigError` naming the first bad one. */
export function loadAgentConfig(env: NodeJS.ProcessEnv, argv: string[]): AgentConfig {
  let flags: Record<string, string | undefined>;
  try {
    flags = parseArgs({
      args: argv,
      options: Object.fromEntries(Object.values(agentSettings).map((s) => [s.flag, { type: 'string' as const }])),
      strict: true,
      allowPositionals: false,
    }).values as Record<string, string | undefined>;
  } catch (error) {
    throw new AgentConfigError(`${(error as Error).message}; run 'fleetback agent --help' for the settings`);
  }
  const raw = (key: keyof typeof agentSettings) => {
    const value = flags[agentSettings[key].flag] ?? env[agentSettings[key].env];
    return value === undefined || value === '' ? undefined : value;
  };
  const name = (key: keyof typeof agentSettings) =>
    flags[agentSettings[key].flag] !== undefined ? `--${agentSettings[key].flag}` : agentSettings[key].env;

  const hubText = raw('hubUrl');
  if (!hubText) throw new AgentConfigError(`${agentSettings.hubUrl.env}: required (the hub's URL)`);
  let hubUrl: URL;
  try {
    hubUrl = new URL(hubText);
  } catch {
    throw new AgentConfigError(`${name('hubUrl')}: '${hubText}' is not a URL`);
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(hubUrl.protocol)) {
    throw new AgentConfigError(`${name('hubUrl')}: '${hubText}' must be an http(s) or ws(s) URL`);
  }
  const jobsText = raw('maxConcurrentJobs') ?? '2';
  const maxConcurrentJobs = Number(jobsText);
  if (!Number.isInteger(maxConcurrentJobs) || maxConcurrentJobs < 1 || maxConcurrentJobs > 64) {
    throw new AgentConfigError(`${name('maxConcurrentJobs')}: '${jobsText}' is not a whole number from 1 to 64`);
  }
  const logLevel = raw('logLevel') ?? 'info';
  if (!['debug', 'info', 'warn', 'error'].includes(logLevel)) {
    throw new AgentConfigError(`${name('logLevel')}: '${logLevel}' is not one of debug, info, warn, error`);
  }
  const seconds = (key: 'storeStallWarningSeconds' | 'storeStallTimeoutSeconds', fallback: number) => {
    const text = raw(key) ?? String(fallback);
    const value = Number(text);
    if (!Number.isInteger(value) || value < 1 || value > 86_400) {
      throw new AgentConfigError(`${name(key)}: '${text}' is not a whole number of seconds from 1 to 86400`);
    }
    return value * 1000;
  };
  const storeStall = { warnAfterMs: seconds('storeStallWarningSeconds', 60), failAfterMs: seconds('storeStallTimeoutSeconds', 300) };
  if (storeStall.warnAfterMs >= storeStall.failAfterMs) {
    throw new AgentConfigError(
      `${name('storeStallWarningSeconds')} must be below ${name('storeStallTimeoutSeconds')}: the warning comes before the failure`,
    );
  }
  const caFile = raw('caFile');
  let caBundle: string | undefined;
  if (caFile) {
    try {
      caBundle = readFileSync(caFile, 'utf8');
    } catch (error) {
      throw new AgentConfigError(`${name('caFile')}: cannot read ${caFile}: ${(error as Error).message}`);
    }
    if (!caBundle.includes('-----BEGIN CERTIFICATE-----')) {
      throw new AgentConfigError(`${name('caFile')}: ${caFile} holds no PEM certificate`);
    }
  }
  return {
    hubUrl,
    enrollmentToken: raw('enrollmentToken'),
    credentialFile: raw('credentialFile'),
    credentialSecret: raw('credentialSecret') ?? 'fleetback-agent-credential',
    kubeconfig: raw('kubeconfig'),
    caBundle,
    maxConcurrentJobs,
    logLevel,
    storeStall,
  };
}

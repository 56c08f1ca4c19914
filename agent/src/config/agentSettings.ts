import { readFileSync } from 'node:fs';
import type { Setting } from '#schema/settings/Setting';
import { logLevel, nonEmpty, seconds, wholeNumber } from '#schema/settings/settingParsers';

function hubUrl(raw: string): URL {
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new Error(`'${raw}' is not a URL`);
  }
  if (!['http:', 'https:', 'ws:', 'wss:'].includes(parsed.protocol)) {
    throw new Error(`'${raw}' must be an http(s) or ws(s) URL`);
  }
  return parsed;
}

/** Reads the CA bundle at start, so a wrong path stops the agent before it dials instead of at every retry. */
function pemBundle(path: string): string {
  let bundle: string;
  try {
    bundle = readFileSync(path, 'utf8');
  } catch (error) {
    throw new Error(`cannot read ${path}: ${(error as Error).message}`, { cause: error });
  }
  if (!bundle.includes('-----BEGIN CERTIFICATE-----')) throw new Error(`${path} holds no PEM certificate`);
  return bundle;
}

const path = (raw: string): string => raw;

/**
 * Every agent setting, in one table of the same shape as the hub's: the environment variable, the matching
 * `fleetback agent --flag`, the default and the parser. `--help`, the README's agent table and the agent
 * chart's values schema are generated from it (tests fail when the README or the schema is stale).
 */
export const agentSettings = {
  hubUrl: {
    env: 'FLEETBACK_HUB_URL',
    flag: 'hub-url',
    description: "The hub's URL (http, https, ws or wss), e.g. `https://fleetback.example.com`; required",
    defaultValue: undefined,
    parse: hubUrl,
  },
  enrollmentToken: {
    env: 'FLEETBACK_ENROLLMENT_TOKEN',
    flag: 'enrollment-token',
    description:
      'One-time token from `registerCluster`; once a credential is stored, only the token it was enrolled with is accepted',
    defaultValue: undefined,
    parse: nonEmpty,
  },
  credentialFile: {
    env: 'FLEETBACK_CREDENTIAL_FILE',
    flag: 'credential-file',
    description:
      'File keeping the credential; when unset, out of cluster `./data/agent.credential`, in a pod the Secret below',
    defaultValue: undefined,
    parse: path,
  },
  credentialSecret: {
    env: 'FLEETBACK_CREDENTIAL_SECRET',
    flag: 'credential-secret',
    description: "In a pod without a credential file: the Secret of the agent's namespace keeping the credential",
    defaultValue: 'fleetback-agent-credential',
    parse: nonEmpty,
  },
  kubeconfig: {
    env: 'FLEETBACK_KUBECONFIG',
    flag: 'kubeconfig',
    description: 'Kubeconfig file; when unset, in-cluster, else `KUBECONFIG` or `~/.kube/config`',
    defaultValue: undefined,
    parse: path,
  },
  caFile: {
    env: 'FLEETBACK_CA_FILE',
    flag: 'ca-file',
    description: 'PEM bundle trusted for the hub besides the system roots',
    defaultValue: undefined,
    parse: pemBundle,
  },
  maxConcurrentJobs: {
    env: 'FLEETBACK_MAX_CONCURRENT_JOBS',
    flag: 'max-concurrent-jobs',
    description: 'Jobs run at once, from 1 to 64',
    defaultValue: 2,
    parse: wholeNumber(1, 64),
  },
  logLevel: {
    env: 'FLEETBACK_LOG_LEVEL',
    flag: 'log-level',
    description: 'debug, info, warn or error',
    defaultValue: 'info',
    parse: logLevel,
  },
  storeStallWarningSeconds: {
    env: 'FLEETBACK_STORE_STALL_WARNING_SECONDS',
    flag: 'store-stall-warning-seconds',
    description:
      "Seconds a job's backup location may leave a request unanswered before the job's progress message warns `the location … has not answered for N s`; below the timeout",
    defaultValue: 60,
    parse: seconds(1, 86_400),
  },
  storeStallTimeoutSeconds: {
    env: 'FLEETBACK_STORE_STALL_TIMEOUT_SECONDS',
    flag: 'store-stall-timeout-seconds',
    description:
      "Seconds a job's backup location may stay silent before the backup, restore, catalog read or deletion fails with a reason naming the location; only time spent waiting on the store counts",
    defaultValue: 300,
    parse: seconds(1, 86_400),
  },
} satisfies Record<string, Setting<unknown>>;

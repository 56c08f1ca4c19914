import { agentSettings } from '../../agent/src/config/loadAgentConfig.ts';
import { settings as hubSettings } from '../../hub/src/config/settings.ts';

/** A JSON Schema (draft-07) fragment, as far as the charts use it. */
export interface JsonSchema {
  $schema?: string;
  title?: string;
  type?: string | string[];
  description?: string;
  default?: unknown;
  minimum?: number;
  enum?: unknown[];
  properties?: Record<string, JsonSchema>;
  additionalProperties?: boolean;
}

/** One setting as both settings tables describe it: its variable, its meaning and, when known, its default. */
export interface ConfigSetting {
  env: string;
  description: string;
  defaultValue: string | number | undefined;
}

/**
 * Hub settings the chart sets from its own values, so `config` must not carry them: the container port and
 * listen address (the Service and probes depend on them), the data directory (the mounted volume), and the
 * two secrets, which come from Secret references.
 */
export const hubSettingsSetByChart: Readonly<Record<string, string>> = {
  FLEETBACK_PORT: 'the container port 8080, which the Service and probes use',
  FLEETBACK_HOST: '0.0.0.0, so the Service reaches the pod',
  FLEETBACK_DATA_DIR: 'the mounted data volume',
  FLEETBACK_DATABASE_URL: 'database.existingSecret',
  FLEETBACK_MASTER_KEY: 'masterKey.existingSecret',
};

/** Agent settings the chart sets from its own values, or that make no sense in a pod. */
export const agentSettingsSetByChart: Readonly<Record<string, string>> = {
  FLEETBACK_HUB_URL: 'hubUrl',
  FLEETBACK_ENROLLMENT_TOKEN: 'enrollmentToken.existingSecret',
  FLEETBACK_CREDENTIAL_SECRET: 'credentialSecret, which the Role names too',
  FLEETBACK_CA_FILE: 'caBundle.existingConfigMap, mounted into the pod',
  FLEETBACK_CREDENTIAL_FILE: 'nothing: in a pod the credential lives in a Secret, a file would die with the pod',
  FLEETBACK_KUBECONFIG: "nothing: in a pod the agent uses its ServiceAccount, which the chart's RBAC binds",
};

/** The hub's settings, from the table the README's configuration table is rendered from. */
export function hubConfigSettings(): ConfigSetting[] {
  return Object.values(hubSettings).map((s) => {
    const fallback: unknown = s.defaultValue;
    return {
      env: s.env,
      description: s.description,
      defaultValue: typeof fallback === 'number' || (typeof fallback === 'string' && fallback) ? fallback : undefined,
    };
  });
}

/**
 * The agent's settings, from `agentSettings` (the source of `fleetback agent --help`, checked against the
 * README's agent table). It has no default field: a default is taken only where the help text states one
 * as its final `(default X)`.
 */
export function agentConfigSettings(): ConfigSetting[] {
  return Object.values(agentSettings).map((s) => {
    const stated = /\(default (\S+)\)$/.exec(s.help)?.[1];
    const defaultValue = stated === undefined ? undefined : /^\d+$/.test(stated) ? Number(stated) : stated;
    return { env: s.env, description: s.help, defaultValue };
  });
}

/** The `config` section: the settings not set by the chart, each a variable the pod receives as text. */
export function configSchema(all: ConfigSetting[], setByChart: Readonly<Record<string, string>>, what: string): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const s of all) {
    if (s.env in setByChart) continue;
    properties[s.env] = {
      // Numbers may be written as YAML numbers; everything reaches the process as an environment variable.
      type: typeof s.defaultValue === 'number' ? ['integer', 'string'] : 'string',
      description: s.description,
      ...(s.defaultValue === undefined ? {} : { default: s.defaultValue }),
    };
  }
  return {
    type: 'object',
    description: `FLEETBACK_* settings of the ${what}, passed as environment variables; unset ones keep the ${what}'s default`,
    additionalProperties: false,
    properties,
  };
}

const str = (description: string, extra: JsonSchema = {}): JsonSchema => ({ type: 'string', description, ...extra });
const bool = (description: string): JsonSchema => ({ type: 'boolean', description });
const freeform = (description: string): JsonSchema => ({ type: 'object', description });
const section = (description: string, properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  description,
  additionalProperties: false,
  properties,
});

function image(repository: string): JsonSchema {
  return section('The container image, built from this repository', {
    repository: str('Image repository', { default: repository }),
    tag: str("Image tag; empty means the chart's appVersion"),
    pullPolicy: str('Image pull policy', { enum: ['Always', 'IfNotPresent', 'Never'] }),
    appDir: str('Directory in the image holding the built repository (bin/fleetback.js); the working directory'),
  });
}

function root(title: string, properties: Record<string, JsonSchema>): JsonSchema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    title,
    type: 'object',
    additionalProperties: false,
    properties: { global: freeform('Helm global values'), ...properties },
  };
}

/** values.schema.json of charts/fleetback-hub. */
export function hubValuesSchema(): JsonSchema {
  return root('fleetback-hub values (generated by `npm run charts:emit`; do not edit)', {
    image: image('fleetback/hub'),
    imagePullSecrets: { type: 'array', description: 'Pull secrets for the image' },
    replicas: { type: 'integer', minimum: 1, description: 'Hub replicas; more than one needs PostgreSQL (database.existingSecret)' },
    config: configSchema(hubConfigSettings(), hubSettingsSetByChart, 'hub'),
    masterKey: section('Existing Secret with FLEETBACK_MASTER_KEY; required with PostgreSQL, else generated into the data directory', {
      existingSecret: str('Secret name; empty: not set'),
      key: str('Key in the Secret holding the base64 of 32 bytes'),
    }),
    database: section('Existing Secret with a postgres:// URL (FLEETBACK_DATABASE_URL); empty: SQLite', {
      existingSecret: str('Secret name; empty: SQLite in the data directory'),
      key: str('Key in the Secret holding the URL'),
    }),
    persistence: section('The data directory: a PersistentVolumeClaim on SQLite when enabled, else an emptyDir', {
      enabled: bool('Keep the data directory on a PersistentVolumeClaim (SQLite only)'),
      size: str('Requested storage'),
      storageClass: str("StorageClass; empty: the cluster's default"),
      accessMode: str('Access mode of the claim'),
    }),
    service: section('The Service in front of the hub (/graphql, /agent, /healthz, /readyz, /metrics, the console)', {
      type: str('Service type', { enum: ['ClusterIP', 'NodePort', 'LoadBalancer'] }),
      port: { type: 'integer', minimum: 1, description: 'Service port' },
    }),
    resources: freeform('Container resources'),
    podSecurityContext: freeform('Pod securityContext'),
    securityContext: freeform('Container securityContext'),
  });
}

/** values.schema.json of charts/fleetback-agent. */
export function agentValuesSchema(): JsonSchema {
  return root('fleetback-agent values (generated by `npm run charts:emit`; do not edit)', {
      image: image('fleetback/agent'),
      imagePullSecrets: { type: 'array', description: 'Pull secrets for the image' },
      hubUrl: str(`FLEETBACK_HUB_URL, required (the chart fails without it): ${agentSettings.hubUrl.help}`),
      enrollmentToken: section(`Existing Secret with FLEETBACK_ENROLLMENT_TOKEN: ${agentSettings.enrollmentToken.help}`, {
        existingSecret: str('Secret name; empty: not set (an agent that already holds its credential)'),
        key: str('Key in the Secret holding the token'),
      }),
      credentialSecret: str(`FLEETBACK_CREDENTIAL_SECRET: ${agentSettings.credentialSecret.help}`),
      caBundle: section(`Existing ConfigMap mounted for FLEETBACK_CA_FILE: ${agentSettings.caFile.help}`, {
        existingConfigMap: str('ConfigMap name; empty: system roots only'),
        key: str('Key in the ConfigMap holding the PEM bundle'),
      }),
      proxy: section('Proxy variables the agent honours for the hub link and object storage', {
        httpsProxy: str('HTTPS_PROXY: proxy for https/wss URLs'),
        httpProxy: str('HTTP_PROXY: proxy for http/ws URLs'),
        noProxy: str('NO_PROXY: hosts reached directly (exact, .suffix, suffix or *)'),
      }),
      config: configSchema(agentConfigSettings(), agentSettingsSetByChart, 'agent'),
      rbac: section('ClusterRole, ClusterRoleBinding and the credential Role', {
        create: bool('Create the RBAC objects'),
        restore: bool('Grant write verbs on every kind (plus escalate and bind on roles) so restores can apply'),
      }),
      serviceAccount: section("The agent's ServiceAccount", {
        create: bool('Create the ServiceAccount'),
        name: str("Name; empty: the release's full name"),
      }),
      tmp: section('The emptyDir at /tmp (TMPDIR) where restores spool items, Secrets in clear', {
        medium: str('emptyDir medium; empty: node disk', { enum: ['', 'Memory'] }),
        sizeLimit: str('emptyDir size limit; empty: none'),
      }),
      resources: freeform('Container resources'),
      podSecurityContext: freeform('Pod securityContext'),
      securityContext: freeform('Container securityContext'),
  });
}

/** Every chart's values.schema.json, as written to disk. */
export function renderValuesSchemas(): { chart: string; text: string }[] {
  return [
    { chart: 'fleetback-hub', text: `${JSON.stringify(hubValuesSchema(), null, 2)}\n` },
    { chart: 'fleetback-agent', text: `${JSON.stringify(agentValuesSchema(), null, 2)}\n` },
  ];
}

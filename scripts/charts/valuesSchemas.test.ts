import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadYaml } from '@kubernetes/client-node';
import { describe, expect, it } from 'vitest';
import { agentSettings } from '../../agent/src/config/agentSettings.ts';
import { settings as hubSettings } from '../../hub/src/config/settings.ts';
import {
  agentSettingsSetByChart,
  agentValuesSchema,
  hubSettingsSetByChart,
  hubValuesSchema,
  renderValuesSchemas,
  type JsonSchema,
} from './buildValuesSchemas.ts';
import { templateValuePaths, undefinedValuePaths, valuesSchemaMismatches } from './checkChartValues.ts';

const repo = join(import.meta.dirname, '../..');
const chartDir = (chart: string) => join(repo, 'charts', chart);
const read = (...path: string[]) => readFileSync(join(repo, ...path), 'utf8');

const charts = [
  { chart: 'fleetback-hub', schema: hubValuesSchema(), envs: Object.values(hubSettings).map((s): string => s.env), setByChart: hubSettingsSetByChart },
  { chart: 'fleetback-agent', schema: agentValuesSchema(), envs: Object.values(agentSettings).map((s): string => s.env), setByChart: agentSettingsSetByChart },
];

it.each(renderValuesSchemas())(
  'charts/$chart/values.schema.json matches the settings (run `npm run charts:emit` when it does not)',
  ({ chart, text }) => {
    expect(text).toBe(read('charts', chart, 'values.schema.json'));
  },
);

describe.each(charts)('charts/$chart', ({ chart, schema, envs, setByChart }) => {
  it('uses in its templates only values that values.yaml defines', () => {
    expect(undefinedValuePaths(chartDir(chart))).toEqual([]);
  });

  it('has a values.yaml that fits its schema, and a schema that lists every value', () => {
    const values = loadYaml<Record<string, unknown>>(read('charts', chart, 'values.yaml'));
    expect(valuesSchemaMismatches(values, schema)).toEqual([]);
  });

  it("offers in `config` every setting the chart does not set itself, and sets the ones it takes over", () => {
    const config = schema.properties?.config?.properties ?? {};
    expect(Object.keys(setByChart).filter((env) => !envs.includes(env))).toEqual([]);
    expect(Object.keys(config).sort()).toEqual(envs.filter((env) => !(env in setByChart)).sort());
    const deployment = read('charts', chart, 'templates', 'deployment.yaml');
    for (const [env, source] of Object.entries(setByChart)) {
      expect(deployment.includes(`- name: ${env}\n`), `${env} (${source})`).toBe(!source.startsWith('nothing'));
    }
  });

  it("carries the package's version as appVersion", () => {
    const meta = loadYaml<{ apiVersion: string; version: string; appVersion: string; name: string }>(read('charts', chart, 'Chart.yaml'));
    const { version } = JSON.parse(read('package.json')) as { version: string };
    expect(meta).toMatchObject({ apiVersion: 'v2', name: chart, version: '0.1.0', appVersion: version });
  });
});

describe('the config schemas', () => {
  it('take the hub defaults from settings.ts and the agent defaults from agentSettings.ts', () => {
    const hubConfig = hubValuesSchema().properties?.config?.properties ?? {};
    expect(hubConfig.FLEETBACK_JOB_LEASE_SECONDS).toMatchObject({ type: ['integer', 'string'], default: 60 });
    expect(hubConfig.FLEETBACK_LOG_LEVEL).toMatchObject({ type: 'string', default: 'info' });
    expect(hubConfig.FLEETBACK_OIDC_ISSUER).not.toHaveProperty('default');
    const agentConfig = agentValuesSchema().properties?.config?.properties ?? {};
    expect(agentConfig.FLEETBACK_MAX_CONCURRENT_JOBS).toMatchObject({ type: ['integer', 'string'], default: 2 });
    expect(agentConfig.FLEETBACK_LOG_LEVEL).toMatchObject({ default: 'info' });
  });

  it("give every agent setting in `config` the table's default and description, not one read from help text", () => {
    const agentConfig = agentValuesSchema().properties?.config?.properties ?? {};
    expect(agentConfig.FLEETBACK_STORE_STALL_WARNING_SECONDS).toMatchObject({ type: ['integer', 'string'], default: 60 });
    expect(agentConfig.FLEETBACK_STORE_STALL_TIMEOUT_SECONDS).toMatchObject({ type: ['integer', 'string'], default: 300 });
    for (const s of Object.values(agentSettings)) {
      if (s.env in agentSettingsSetByChart) continue;
      expect(agentConfig[s.env], s.env).toEqual({
        type: typeof s.defaultValue === 'number' ? ['integer', 'string'] : 'string',
        description: s.description,
        ...(s.defaultValue === undefined ? {} : { default: s.defaultValue }),
      });
    }
  });
});

describe('the checks themselves', () => {
  it('find .Values paths, $.Values included', () => {
    expect(templateValuePaths('{{ .Values.a.b }} {{ $.Values.c }} {{- with .Values.a.b }}{{ .Values }}')).toEqual(['a.b', 'c']);
  });

  it('report wrong types, unknown keys and keys missing from values.yaml', () => {
    const schema: JsonSchema = {
      type: 'object',
      additionalProperties: false,
      properties: { a: { type: 'integer' }, b: { type: 'string', enum: ['x'] }, c: { type: 'boolean' } },
    };
    expect(valuesSchemaMismatches({ a: 'one', b: 'y', d: 1 }, schema)).toEqual([
      'values.a: string, schema says integer',
      'values.b: "y" is not in the schema\'s enum',
      'values.d: not in the schema',
      'values.c: in the schema, not in values.yaml',
    ]);
  });
});

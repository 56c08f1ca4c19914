import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { agentSettings } from './agentSettings.ts';
import { loadAgentConfig } from './loadAgentConfig.ts';

describe('loadAgentConfig', () => {
  it('needs a hub URL and takes flags over variables', () => {
    expect(() => loadAgentConfig({}, [])).toThrow(/FLEETBACK_HUB_URL: required/);
    const config = loadAgentConfig({ FLEETBACK_HUB_URL: 'http://a:1' }, ['--hub-url', 'https://b']);
    expect(config.hubUrl.href).toBe('https://b/');
    expect(config.maxConcurrentJobs).toBe(2);
    expect(config.credentialSecret).toBe('fleetback-agent-credential');
    expect(config.storeStall).toEqual({ warnAfterMs: 60_000, failAfterMs: 300_000 });
  });

  it('takes the store stall limits in seconds, the warning below the timeout', () => {
    const hub = { FLEETBACK_HUB_URL: 'http://hub' };
    const config = loadAgentConfig({ ...hub, FLEETBACK_STORE_STALL_WARNING_SECONDS: '2' }, ['--store-stall-timeout-seconds', '8']);
    expect(config.storeStall).toEqual({ warnAfterMs: 2_000, failAfterMs: 8_000 });
    expect(() => loadAgentConfig({ ...hub, FLEETBACK_STORE_STALL_TIMEOUT_SECONDS: '1.5' }, [])).toThrow(
      /FLEETBACK_STORE_STALL_TIMEOUT_SECONDS: '1.5' is not a whole number of seconds/,
    );
    expect(() => loadAgentConfig({ ...hub, FLEETBACK_STORE_STALL_TIMEOUT_SECONDS: '30' }, [])).toThrow(
      /FLEETBACK_STORE_STALL_WARNING_SECONDS must be below FLEETBACK_STORE_STALL_TIMEOUT_SECONDS/,
    );
  });

  it('names the bad setting', () => {
    const hub = { FLEETBACK_HUB_URL: 'http://hub' };
    expect(() => loadAgentConfig({ FLEETBACK_HUB_URL: 'ftp://x' }, [])).toThrow(/FLEETBACK_HUB_URL: 'ftp:\/\/x'/);
    expect(() => loadAgentConfig(hub, ['--max-concurrent-jobs', '0'])).toThrow(/--max-concurrent-jobs: '0'/);
    expect(() => loadAgentConfig({ ...hub, FLEETBACK_LOG_LEVEL: 'loud' }, [])).toThrow(/FLEETBACK_LOG_LEVEL/);
    expect(() => loadAgentConfig({ ...hub, FLEETBACK_CA_FILE: '/nonexistent' }, [])).toThrow(/FLEETBACK_CA_FILE: cannot read/);
    expect(() => loadAgentConfig(hub, ['--bogus', 'x'])).toThrow(/bogus/);
  });

  it('keeps every setting under its variable, flag and default', () => {
    expect(Object.values(agentSettings).map((s) => [s.env, s.flag, s.defaultValue])).toEqual([
      ['FLEETBACK_HUB_URL', 'hub-url', undefined],
      ['FLEETBACK_ENROLLMENT_TOKEN', 'enrollment-token', undefined],
      ['FLEETBACK_CREDENTIAL_FILE', 'credential-file', undefined],
      ['FLEETBACK_CREDENTIAL_SECRET', 'credential-secret', 'fleetback-agent-credential'],
      ['FLEETBACK_KUBECONFIG', 'kubeconfig', undefined],
      ['FLEETBACK_CA_FILE', 'ca-file', undefined],
      ['FLEETBACK_MAX_CONCURRENT_JOBS', 'max-concurrent-jobs', 2],
      ['FLEETBACK_LOG_LEVEL', 'log-level', 'info'],
      ['FLEETBACK_STORE_STALL_WARNING_SECONDS', 'store-stall-warning-seconds', 60],
      ['FLEETBACK_STORE_STALL_TIMEOUT_SECONDS', 'store-stall-timeout-seconds', 300],
    ]);
  });

  it('reads the CA bundle named by the setting, and refuses a file holding no PEM certificate in one line', () => {
    const dir = mkdtempSync(join(tmpdir(), 'fleetback-agent-config-'));
    const pem = join(dir, 'ca.pem');
    writeFileSync(pem, '-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n');
    const notPem = join(dir, 'ca.txt');
    writeFileSync(notPem, 'hello');
    const hub = { FLEETBACK_HUB_URL: 'https://hub' };
    expect(loadAgentConfig(hub, ['--ca-file', pem]).caBundle).toContain('BEGIN CERTIFICATE');
    expect(() => loadAgentConfig({ ...hub, FLEETBACK_CA_FILE: notPem }, [])).toThrow(
      new RegExp(`^FLEETBACK_CA_FILE: ${notPem} holds no PEM certificate$`),
    );
  });

  it('gives the flag, not the variable, in the stall limits message when flags set them', () => {
    expect(() =>
      loadAgentConfig({ FLEETBACK_HUB_URL: 'http://hub' }, ['--store-stall-warning-seconds', '90', '--store-stall-timeout-seconds', '90']),
    ).toThrow(/^--store-stall-warning-seconds must be below --store-stall-timeout-seconds: the warning comes before the failure$/);
  });
});

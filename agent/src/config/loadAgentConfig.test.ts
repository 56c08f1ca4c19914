import { describe, expect, it } from 'vitest';
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
});

import { describe, expect, it } from 'vitest';
import { loadAgentConfig } from './loadAgentConfig.ts';

describe('loadAgentConfig', () => {
  it('needs a hub URL and takes flags over variables', () => {
    expect(() => loadAgentConfig({}, [])).toThrow(/FLEETBACK_HUB_URL: required/);
    const config = loadAgentConfig({ FLEETBACK_HUB_URL: 'http://a:1' }, ['--hub-url', 'https://b']);
    expect(config.hubUrl.href).toBe('https://b/');
    expect(config.maxConcurrentJobs).toBe(2);
    expect(config.credentialSecret).toBe('fleetback-agent-credential');
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

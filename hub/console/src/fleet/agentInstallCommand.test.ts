import { describe, expect, it } from 'vitest';
import { agentInstallCommand, shellQuote } from './agentInstallCommand.ts';

describe('agentInstallCommand', () => {
  it('gives the agent the hub URL and the one-time token, as the README does', () => {
    expect(agentInstallCommand({ hubUrl: 'https://hub.example.com', enrollmentToken: 'fbk_enroll_Ab-9_x' })).toBe(
      'FLEETBACK_HUB_URL=https://hub.example.com FLEETBACK_ENROLLMENT_TOKEN=fbk_enroll_Ab-9_x node bin/fleetback.js agent',
    );
  });
});

describe('shellQuote', () => {
  it('leaves plain words alone and quotes the rest, quotes included', () => {
    expect(shellQuote('http://127.0.0.1:8080')).toBe('http://127.0.0.1:8080');
    expect(shellQuote('https://hub.example/a path')).toBe(`'https://hub.example/a path'`);
    expect(shellQuote(`it's $HOME`)).toBe(`'it'\\''s $HOME'`);
    expect(shellQuote('')).toBe(`''`);
  });
});

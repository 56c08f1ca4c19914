import { describe, expect, it } from 'vitest';
import type { AgentConfig } from '../config/loadAgentConfig.ts';
import { AgentFatalError } from './AgentFatalError.ts';
import { credentialBindingRefusal } from './credentialBindingRefusal.ts';
import {
  enrollmentTokenSha256,
  hubIdentity,
  parseStoredCredential,
  serializeStoredCredential,
  type StoredCredential,
} from './StoredCredential.ts';

const stored: StoredCredential = {
  credential: 'fbk_agent_x',
  hubUrl: hubIdentity(new URL('https://hub.example.com')),
  clusterId: 'c-a',
  clusterName: 'a',
  tenantId: 't',
  enrollmentTokenSha256: enrollmentTokenSha256('fbk_enroll_a'),
};
const config = (hubUrl: string, enrollmentToken?: string) => ({ hubUrl: new URL(hubUrl), enrollmentToken }) as AgentConfig;

describe('credentialBindingRefusal', () => {
  it("uses the stored credential with no token, with the token it was enrolled with, and through the hub's wss spelling", () => {
    expect(credentialBindingRefusal(stored, config('https://hub.example.com'), 'file x')).toBeUndefined();
    expect(credentialBindingRefusal(stored, config('https://hub.example.com/', 'fbk_enroll_a'), 'file x')).toBeUndefined();
    expect(credentialBindingRefusal(stored, config('wss://hub.example.com'), 'file x')).toBeUndefined();
  });

  it("refuses another cluster's enrollment token: two agents sharing one credential file", () => {
    expect(credentialBindingRefusal(stored, config('https://hub.example.com', 'fbk_enroll_b'), 'file data/agent.credential')).toBe(
      'file data/agent.credential holds the credential of cluster a (c-a), enrolled with another enrollment token than the one this agent was given (another cluster\'s, or a renewed enrollment): give each agent its own store (FLEETBACK_CREDENTIAL_FILE, or FLEETBACK_CREDENTIAL_SECRET in a pod); to enroll this agent anew instead, remove the stored credential and start it with a new enrollment token',
    );
  });

  it('refuses a credential issued by another hub', () => {
    expect(credentialBindingRefusal(stored, config('https://other.example.com'), 'file x')).toMatch(
      /^file x holds the credential of cluster a \(c-a\) issued by the hub https:\/\/hub\.example\.com\/, but this agent is set to the hub https:\/\/other\.example\.com\/: give each agent its own store/,
    );
  });
});

describe('parseStoredCredential', () => {
  it('reads back what it wrote, and refuses a bare credential or a damaged record with what to do', () => {
    expect(parseStoredCredential(serializeStoredCredential(stored), 'file x')).toEqual(stored);
    for (const text of ['fbk_agent_x', '{"version":1,"credential":"fbk_agent_x"}', '{"version":2}', 'null']) {
      expect(() => parseStoredCredential(text, 'file x')).toThrow(AgentFatalError);
      expect(() => parseStoredCredential(text, 'file x')).toThrow(/^file x does not hold a credential record this agent can use .*: remove it and start the agent with a new enrollment token/);
    }
  });
});

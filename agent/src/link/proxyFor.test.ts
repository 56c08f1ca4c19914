import { describe, expect, it } from 'vitest';
import { proxyFor } from './proxyFor.ts';

const hub = new URL('wss://hub.example.com/agent');

describe('proxyFor', () => {
  it('uses HTTPS_PROXY for wss and HTTP_PROXY for ws, either case', () => {
    expect(proxyFor(hub, { HTTPS_PROXY: 'http://p:3128' })).toBe('http://p:3128');
    expect(proxyFor(hub, { https_proxy: 'http://p:3128' })).toBe('http://p:3128');
    expect(proxyFor(hub, { HTTP_PROXY: 'http://p:3128' })).toBeUndefined();
    expect(proxyFor(new URL('ws://hub:8080/agent'), { HTTP_PROXY: 'http://p:3128' })).toBe('http://p:3128');
  });

  it('honours NO_PROXY entries: exact, suffix, leading dot, port, star', () => {
    const env = { HTTPS_PROXY: 'http://p:3128' };
    expect(proxyFor(hub, { ...env, NO_PROXY: 'hub.example.com' })).toBeUndefined();
    expect(proxyFor(hub, { ...env, NO_PROXY: 'example.com' })).toBeUndefined();
    expect(proxyFor(hub, { ...env, NO_PROXY: '.example.com:443' })).toBeUndefined();
    expect(proxyFor(hub, { ...env, no_proxy: '*' })).toBeUndefined();
    expect(proxyFor(hub, { ...env, NO_PROXY: 'ample.com,other.org' })).toBe('http://p:3128');
  });
});

import { describe, expect, it } from 'vitest';
import { isAnonymousOperation } from './anonymousOperation.ts';

describe('isAnonymousOperation', () => {
  it('admits a query for the sign-in options alone', () => {
    expect(isAnonymousOperation({ query: '{ signInOptions { oidcIssuer oidcClientId } }' })).toBe(true);
    expect(isAnonymousOperation({ query: 'query SignIn { __typename signInOptions { oidcIssuer } }' })).toBe(true);
  });

  it('refuses anything that also asks for another root field', () => {
    expect(isAnonymousOperation({ query: '{ signInOptions { oidcIssuer } me { kind } }' })).toBe(false);
    expect(isAnonymousOperation({ query: '{ alias: signInOptions { oidcIssuer } tenants { totalCount } }' })).toBe(
      false,
    );
  });

  it('refuses fragments at the root, where another field could hide', () => {
    expect(
      isAnonymousOperation({ query: '{ ...F } fragment F on Query { me { kind } }' }),
    ).toBe(false);
    expect(isAnonymousOperation({ query: '{ ... on Query { me { kind } } }' })).toBe(false);
  });

  it('judges the operation that will run when a document holds several', () => {
    const query = 'query A { signInOptions { oidcIssuer } } query B { me { kind } }';
    expect(isAnonymousOperation({ query, operationName: 'A' })).toBe(true);
    expect(isAnonymousOperation({ query, operationName: 'B' })).toBe(false);
    expect(isAnonymousOperation({ query })).toBe(false);
  });

  it('refuses mutations, subscriptions, batches and what does not parse', () => {
    expect(isAnonymousOperation({ query: 'mutation { signInOptions }' })).toBe(false);
    expect(isAnonymousOperation({ query: 'subscription { signInOptions { oidcIssuer } }' })).toBe(false);
    expect(isAnonymousOperation([{ query: '{ signInOptions { oidcIssuer } }' }])).toBe(false);
    expect(isAnonymousOperation({ query: '{ signInOptions {' })).toBe(false);
    expect(isAnonymousOperation(undefined)).toBe(false);
    expect(isAnonymousOperation({ query: 42 })).toBe(false);
  });
});

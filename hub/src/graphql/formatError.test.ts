import { GraphQLError } from 'graphql';
import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors/errors.ts';
import { formatError } from './formatError.ts';

describe('formatError', () => {
  const logged: Record<string, unknown>[] = [];
  const format = formatError({ error: (_message, fields) => logged.push(fields) });

  it('keeps our typed error with its code and details, and no stack trace', () => {
    const error = new GraphQLError('wrapped', { path: ['x'], originalError: new BadUserInputError('input.name', 'bad') });
    const formatted = format({ ...error.toJSON(), extensions: { stacktrace: ['at secret.ts:1'] } }, error);
    expect(formatted.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'input.name' });
  });

  it("reports graphql's own request errors as BAD_USER_INPUT with only the code", () => {
    const error = new GraphQLError('Cannot query field "x" on type "Query".');
    const formatted = format({ ...error.toJSON(), extensions: { code: 'GRAPHQL_VALIDATION_FAILED', stacktrace: ['…'] } }, error);
    expect(formatted).toEqual({ message: 'Cannot query field "x" on type "Query".', locations: undefined, extensions: { code: 'BAD_USER_INPUT' } });
  });

  it('hides any other error, even one without a path, behind a generic INTERNAL and logs it', () => {
    const database = new Error('invalid input syntax for type uuid: "12345" in table users');
    const formatted = format({ message: `Context creation failed: ${database.message}` }, database);
    expect(formatted.extensions).toEqual({ code: 'INTERNAL' });
    expect(formatted.message).not.toMatch(/uuid|users/);
    expect(JSON.stringify(logged)).toMatch(/invalid input syntax/);
  });
});

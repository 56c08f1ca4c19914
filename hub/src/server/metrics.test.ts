import { buildSchema, getOperationAST, parse } from 'graphql';
import { describe, expect, it } from 'vitest';
import { operationLabel } from './metrics.ts';

const schema = buildSchema('type Query { backups: Int clusters: Int } type Mutation { createBackup: Int }');
const labelOf = (query: string) => operationLabel(schema, getOperationAST(parse(query)));

describe('operationLabel', () => {
  it('names the one root field an operation asks for, whatever the client calls it', () => {
    expect(labelOf('query AnythingTheClientLikes { backups }')).toBe('backups');
    expect(labelOf('mutation M { createBackup }')).toBe('createBackup');
    expect(labelOf('{ alias: clusters }')).toBe('clusters');
  });

  it('labels several root fields, fragments and unknown operations as other', () => {
    expect(labelOf('{ backups clusters }')).toBe('other');
    expect(labelOf('{ ...F } fragment F on Query { backups }')).toBe('other');
    expect(operationLabel(schema, undefined)).toBe('other');
  });
});

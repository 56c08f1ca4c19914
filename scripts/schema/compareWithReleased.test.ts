import { BreakingChangeType, DangerousChangeType } from 'graphql';
import { describe, expect, it } from 'vitest';
import { type AllowedBreakingChange, AllowListError, parseAllowedBreakingChanges } from './AllowedBreakingChange.ts';
import { compareWithReleased } from './compareWithReleased.ts';

const released = `
  enum Phase { Running Completed }
  input CreateInput { name: String! }
  type Backup { id: ID! name: String! phase: Phase! }
  type Query { backup(id: ID!): Backup backups: [Backup!]! }
  type Mutation { create(input: CreateInput!): Backup! }
`;
const compare = (current: string, allowList: AllowedBreakingChange[] = []) =>
  compareWithReleased('hub.graphql', released, current, allowList);
const types = (current: string) => compare(current).unlisted.map((change) => change.type);

describe('compareWithReleased', () => {
  it('finds nothing when the schema is the released one', () => {
    expect(compare(released)).toEqual({ unlisted: [], allowed: [], stale: [], dangerous: [] });
  });

  it('fails a removed field, a removed enum value, a changed type and a new required argument or input field', () => {
    expect(types(released.replace(' backups: [Backup!]!', ''))).toEqual([BreakingChangeType.FIELD_REMOVED]);
    expect(types(released.replace(' Completed', ''))).toEqual([BreakingChangeType.VALUE_REMOVED_FROM_ENUM]);
    expect(types(released.replace('name: String! phase', 'name: Int! phase'))).toEqual([BreakingChangeType.FIELD_CHANGED_KIND]);
    expect(types(released.replace('backups: [Backup!]!', 'backups(clusterId: ID!): [Backup!]!'))).toEqual([
      BreakingChangeType.REQUIRED_ARG_ADDED,
    ]);
    expect(types(released.replace('{ name: String! }', '{ name: String! ttl: Int! }'))).toEqual([
      BreakingChangeType.REQUIRED_INPUT_FIELD_ADDED,
    ]);
  });

  it('accepts a breaking change the allow-list names exactly, and reports an entry that matches nothing as stale', () => {
    const removal: AllowedBreakingChange = {
      schema: 'hub.graphql',
      type: BreakingChangeType.FIELD_REMOVED,
      description: 'Query.backups was removed.',
      reason: 'replaced by a connection',
    };
    const elsewhere: AllowedBreakingChange = { ...removal, schema: 'agent.graphql' };
    const result = compare(released.replace(' backups: [Backup!]!', ''), [removal, elsewhere]);
    expect(result.unlisted).toEqual([]);
    expect(result.allowed.map((change) => change.description)).toEqual(['Query.backups was removed.']);
    expect(result.stale).toEqual([]);
    expect(compare(released, [removal]).stale).toEqual([removal]);
  });

  it('reports a new enum value or optional argument as dangerous without failing', () => {
    const result = compare(released.replace('Running Completed', 'Running Completed Failed').replace('backups:', 'backups(first: Int):'));
    expect(result.unlisted).toEqual([]);
    expect(result.dangerous.map((change) => change.type).sort()).toEqual(
      [DangerousChangeType.VALUE_ADDED_TO_ENUM, DangerousChangeType.OPTIONAL_ARG_ADDED].sort(),
    );
  });
});

describe('parseAllowedBreakingChanges', () => {
  const entry = { schema: 'agent.graphql', type: 'FIELD_REMOVED', description: 'Query.hub was removed.', reason: 'why' };

  it('reads reviewed entries', () => {
    expect(parseAllowedBreakingChanges([entry])).toEqual([entry]);
  });

  it('refuses an entry without a reason, with an unknown type or schema, naming the field', () => {
    expect(() => parseAllowedBreakingChanges([{ ...entry, reason: ' ' }])).toThrow(new AllowListError('[0].reason: must be a non-empty string'));
    expect(() => parseAllowedBreakingChanges([{ ...entry, type: 'FIELD_RENAMED' }])).toThrow(/^\[0\]\.type: /);
    expect(() => parseAllowedBreakingChanges([{ ...entry, schema: 'other.graphql' }])).toThrow(/^\[0\]\.schema: /);
    expect(() => parseAllowedBreakingChanges({})).toThrow(AllowListError);
  });
});

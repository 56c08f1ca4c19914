import { GraphQLEnumType, type GraphQLSchema } from 'graphql';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  parseRestoreItemReport,
  restoreItemResults,
} from '#schema/agent/RestoreItemReport';
import { jobKinds } from '#schema/agent/JobPayload';
import { WireError } from '#schema/contracts/WireError';
import { backupPhases, deletionReasons } from '../backups/backupLifecycle.ts';
import { credentialKinds } from '../credentials/kinds/credentialKinds.ts';
import { jobPhases } from '../jobs/jobLifecycle.ts';
import { locationKinds } from '../locations/providers/locationProviders.ts';
import { buildHubSchema } from '../server/buildHubSchema.ts';
import { restorePhases } from '../restores/restoreLifecycle.ts';

/**
 * These columns carry no CHECK constraint, so a new kind or phase needs no table rebuild. The guard is the API:
 * each is a GraphQL enum with exactly the code's list, refusing any other value in and out.
 */
const guarded: [column: string, graphqlEnum: string, values: readonly string[]][] = [
  ['backups.phase', 'BackupPhase', backupPhases],
  ['backups.deletion_reason', 'DeletionReason', deletionReasons],
  ['restores.phase', 'RestorePhase', restorePhases],
  ['restore_items.result', 'RestoreItemResult', restoreItemResults],
  ['jobs.kind', 'JobKind', jobKinds],
  ['jobs.phase', 'JobPhase', jobPhases],
  ['credentials.kind', 'CredentialKind', credentialKinds],
  ['backup_locations.kind', 'BackupLocationKind', locationKinds],
];

let schema: GraphQLSchema;
beforeAll(async () => {
  schema = await buildHubSchema();
});

describe.each(guarded)('%s', (_column, name, values) => {
  function enumType(): GraphQLEnumType {
    const type = schema.getType(name);
    if (!(type instanceof GraphQLEnumType)) throw new Error(`${name} is not a GraphQL enum`);
    return type;
  }

  it(`is the GraphQL enum ${name}, with exactly the code's values`, () => {
    expect(enumType().getValues().map((value) => value.value)).toEqual([...values]);
  });

  it('refuses an unknown value sent to the API and one read back from the database', () => {
    expect(() => enumType().parseValue('unknownValue')).toThrow(/does not exist in "/);
    expect(() => enumType().serialize('unknownValue')).toThrow(/cannot represent value/);
  });
});

it('the agent link refuses an unknown restore item result, naming the field', () => {
  const item = { index: 0, type: 'configmaps', namespace: 'shop', name: 'a', result: 'deleted', uid: null, reason: null, error: null };
  expect(() => parseRestoreItemReport(item, 'items[0]')).toThrow(WireError);
  expect(() => parseRestoreItemReport(item, 'items[0]')).toThrow(/items\[0\]\.result/);
});

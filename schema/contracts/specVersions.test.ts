import { describe, expect, it } from 'vitest';
import { parseBackupSpec } from './BackupSpec.ts';
import { parseRestoreSpec } from './RestoreSpec.ts';
import { parseRuleSpec } from './RuleSpec.ts';
import { parseSchedulePolicySpec } from './SchedulePolicySpec.ts';
import { UnknownVersionError } from './UnknownVersionError.ts';
import { WireError } from './WireError.ts';

// A spec written by a newer Fleetback must never be read as version 1: each parser refuses it with an
// UnknownVersionError (a WireError) naming the contract, the version found and the versions it knows.
describe('spec versions', () => {
  it.each([
    ['backup spec', () => parseBackupSpec({ version: 2, clusterId: 'c1', locationId: 'l1' })],
    ['restore spec', () => parseRestoreSpec({ version: 2, backupId: 'b1', targetClusterId: 'c1' })],
    ['rule spec', () => parseRuleSpec({ version: 7 }, 'spec')],
    ['schedule policy spec', () => parseSchedulePolicySpec({ version: 3 }, 'spec')],
  ])('refuses a %s of an unknown version, naming it', (contract, parse) => {
    let thrown: unknown;
    try {
      parse();
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(UnknownVersionError);
    expect(thrown).toBeInstanceOf(WireError);
    const error = thrown as UnknownVersionError;
    expect(error.contract).toBe(contract);
    expect(error.known).toEqual([1]);
    expect(error.field).toMatch(/(^|\.)version$/);
    expect(error.message).toContain(`is not a version of the ${contract} this reader knows (it knows 1)`);
  });

  it('reads a spec without a version as version 1, the first one', () => {
    expect(parseBackupSpec({ clusterId: 'c1', locationId: 'l1' }).version).toBe(1);
  });
});

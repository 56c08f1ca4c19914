import { describe, expect, it } from 'vitest';
import { BadUserInputError } from '../errors/errors.ts';
import { checkUpdatableSettings } from './checkUpdatableSettings.ts';

describe('checkUpdatableSettings', () => {
  it('lets each kind change the settings it has', () => {
    expect(() => checkUpdatableSettings('s3', { region: 'eu-west-1', endpoint: null, forcePathStyle: true })).not.toThrow();
    expect(() => checkUpdatableSettings('gcs', { endpoint: 'http://127.0.0.1:4443', region: null })).not.toThrow();
    expect(() => checkUpdatableSettings('filesystem', { region: null, endpoint: null })).not.toThrow();
  });

  it('refuses a setting of other kinds, saying which kinds have it', () => {
    expect(() => checkUpdatableSettings('azure', { forcePathStyle: false })).toThrow(
      new BadUserInputError('input.forcePathStyle', 'is for s3 locations only'),
    );
    expect(() => checkUpdatableSettings('gcs', { region: 'eu' })).toThrow(
      new BadUserInputError('input.region', 'is for s3 locations only'),
    );
    expect(() => checkUpdatableSettings('filesystem', { endpoint: 'http://127.0.0.1:9000' })).toThrow(
      new BadUserInputError('input.endpoint', 'is for s3, azure and gcs locations only'),
    );
  });
});

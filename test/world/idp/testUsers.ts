import type { IdpUser } from '../WorldInfo.ts';

/**
 * The people who can sign in at the test identity provider. Their groups mirror the roles Fleetback maps:
 * a platform admin, an operator and a viewer of one tenant each, and someone who belongs to no group.
 */
export const testUsers: readonly IdpUser[] = [
  {
    sub: 'u-alice',
    username: 'alice',
    password: 'alice-pw',
    email: 'alice@example.test',
    groups: ['platform-admins'],
  },
  {
    sub: 'u-bob',
    username: 'bob',
    password: 'bob-pw',
    email: 'bob@example.test',
    groups: ['tenant-a-operators'],
  },
  {
    sub: 'u-carol',
    username: 'carol',
    password: 'carol-pw',
    email: 'carol@example.test',
    groups: ['tenant-b-viewers'],
  },
  { sub: 'u-dave', username: 'dave', password: 'dave-pw', email: 'dave@example.test', groups: [] },
];

import type { EntityManager } from '@mikro-orm/core';
import type { Principal } from '../auth/Principal.ts';
import type { SignInSettings } from '../auth/SignInOptions.ts';
import type { DispatchSignals } from '../dispatch/dispatchSignals.ts';
import type { JobKindHandlers } from '../jobs/JobKindHandler.ts';
import type { SecretBox } from '../secrets/SecretBox.ts';
import type { SubscriptionBounds } from './boundSubscription.ts';

/** What every resolver receives: the caller and an entity manager already narrowed to the caller's scope. */
export interface HubContext {
  principal: Principal;
  em: EntityManager;
  /** Seals and opens secrets at rest under the hub's master key. */
  secrets: SecretBox;
  /** Tells the dispatchers of every replica about queued and cancelled jobs and revoked clusters. */
  signals: DispatchSignals;
  /** How people sign in to this hub (the `signInOptions` query). */
  signIn: SignInSettings;
  /** Directories filesystem locations must lie under (`FLEETBACK_FILESYSTEM_LOCATION_ROOTS`); empty: any. */
  filesystemRoots: readonly string[];
  /** What each kind of job means (`server/jobKindHandlers.ts`): `cancelJob` asks the job's kind. */
  jobKinds: JobKindHandlers;
  /** Set for graphql-ws operations: how long a subscription may deliver, and the check before each event. */
  subscriptionBounds?: SubscriptionBounds;
}

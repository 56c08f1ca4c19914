import { defineOperation } from '../api/Operation.ts';
import type { CreateRestoreInput } from './CreateRestoreInput.ts';
import type { RestorePhase } from './restorePhase.ts';

/** Queues a restore (or, with `dryRun`, the plan of one) on the target cluster's agent. */
export const createRestoreMutation = defineOperation<
  { createRestore: { id: string; phase: RestorePhase } },
  { input: CreateRestoreInput }
>(`
  mutation CreateRestore($input: CreateRestoreInput!) {
    createRestore(input: $input) { id phase }
  }
`);

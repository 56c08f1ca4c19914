import type { Operation } from '../api/Operation.ts';
import { type MutationState, useMutation } from '../api/useMutation.ts';

/** The create and update mutations of a form that does both, and the state of the one it sends. */
export function useSaveMutation<TCreated, TCreate extends object, TUpdated, TUpdate extends object>(
  createOperation: Operation<TCreated, TCreate>,
  updateOperation: Operation<TUpdated, TUpdate>,
  editing: boolean,
) {
  const create = useMutation(createOperation);
  const update = useMutation(updateOperation);
  const state: MutationState<unknown> = editing ? update.state : create.state;
  return { create: create.run, update: update.run, state };
}

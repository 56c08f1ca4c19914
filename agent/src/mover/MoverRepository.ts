import type { Repository } from '../repository/Repository.ts';

/**
 * The part of a repository the mover's backup, restore and listing use; maintenance (index rebuild, check,
 * prune) stays with the repository, so test doubles need not fake it.
 */
export type MoverRepository = Pick<Repository, 'openWriter' | 'readContent' | 'listSnapshots' | 'readSnapshot'>;

import { BadUserInputError } from '../errors/errors.ts';

/** How a store names its buckets or containers: a pattern, and the rule in words for the message. */
export interface BucketNaming {
  pattern: RegExp;
  rule: string;
}

/** Checks a bucket or container name against its store's rules. */
export function validateBucket(field: string, value: string, { pattern, rule }: BucketNaming): string {
  const name = value.trim();
  if (!pattern.test(name) || name.includes('..')) throw new BadUserInputError(field, `must be ${rule}`);
  return name;
}

import { BadUserInputError } from '../errors/errors.ts';

/** The naming rules of each store: S3 buckets, Azure containers and GCS buckets differ in small ways. */
const rules = {
  s3: {
    pattern: /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/,
    rule: '3 to 63 lower-case letters, digits, `.` and `-`, starting and ending with a letter or digit',
  },
  azure: {
    pattern: /^(?!.*--)[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/,
    rule: '3 to 63 lower-case letters, digits and single `-`, starting and ending with a letter or digit',
  },
  gcs: {
    pattern: /^[a-z0-9][a-z0-9._-]{1,220}[a-z0-9]$/,
    rule: '3 to 222 lower-case letters, digits, `.`, `_` and `-`, starting and ending with a letter or digit',
  },
} as const;

/** Checks a bucket or container name against its store's rules. */
export function validateBucket(field: string, kind: keyof typeof rules, value: string): string {
  const name = value.trim();
  const { pattern, rule } = rules[kind];
  if (!pattern.test(name) || name.includes('..')) throw new BadUserInputError(field, `must be ${rule}`);
  return name;
}

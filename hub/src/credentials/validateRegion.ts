import { BadUserInputError } from '../errors/errors.ts';

/** A region name such as `eu-west-1`, or the single word some S3-compatible stores use (`minio`). */
export function validateRegion(field: string, value: string): string {
  const region = value.trim();
  if (!/^[a-z0-9]([a-z0-9-]{0,62}[a-z0-9])?$/.test(region)) {
    throw new BadUserInputError(field, 'must be a region name of lower-case letters, digits and hyphens');
  }
  return region;
}

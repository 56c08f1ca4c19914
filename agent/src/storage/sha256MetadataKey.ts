/**
 * The user-metadata key under which every object written through an `ObjectStore` carries the hex SHA-256 of
 * its content: `x-amz-meta-sha256` on S3, blob metadata `sha256` on Azure, custom metadata `sha256` on GCS.
 * Part of the on-storage format: other tools may read it, and a store reads it back to verify downloads.
 */
export const sha256MetadataKey = 'sha256';

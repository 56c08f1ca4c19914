import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CopyObjectCommand,
  CreateMultipartUploadCommand,
  type S3Client,
  UploadPartCopyCommand,
} from '@aws-sdk/client-s3';

/** S3 copies at most 5 GiB in one request; larger objects are copied in parts. */
export const singleCopyLimit = 5 * 1024 ** 3;

export interface S3MetadataChange {
  Bucket: string;
  Key: string;
  /** The ETag the upload returned: the copy applies to that object only, never to a newer overwrite. */
  ETag: string;
  size: number;
  metadata: Record<string, string>;
  /** Objects above this size are copied in parts; S3's own limit by default, lowered by tests. */
  singleCopyLimit?: number;
  /** The size of each copied part. */
  copyPartSize?: number;
}

/**
 * Replaces the user metadata of an object that is already stored, which S3 allows only by copying the object
 * onto itself (server-side: no data passes through the agent). Used when the metadata, the object's digest,
 * is known only after a streamed upload; on a versioned bucket the copy becomes a new version.
 */
export async function setS3ObjectMetadata(client: S3Client, change: S3MetadataChange): Promise<void> {
  const { Bucket, Key, ETag } = change;
  const CopySource = `${Bucket}/${encodeURIComponent(Key)}`;
  if (change.size <= (change.singleCopyLimit ?? singleCopyLimit)) {
    await client.send(
      new CopyObjectCommand({
        Bucket,
        Key,
        CopySource,
        CopySourceIfMatch: ETag,
        MetadataDirective: 'REPLACE',
        Metadata: change.metadata,
      }),
    );
    return;
  }
  const partSize = change.copyPartSize ?? 512 * 1024 ** 2;
  const { UploadId } = await client.send(new CreateMultipartUploadCommand({ Bucket, Key, Metadata: change.metadata }));
  try {
    const ranges: { PartNumber: number; range: string }[] = [];
    for (let start = 0; start < change.size; start += partSize) {
      const end = Math.min(start + partSize, change.size) - 1;
      ranges.push({ PartNumber: ranges.length + 1, range: `bytes=${start}-${end}` });
    }
    const Parts = await mapLimited(ranges, 4, async ({ PartNumber, range }) => {
      const copied = await client.send(
        new UploadPartCopyCommand({
          Bucket,
          Key,
          UploadId,
          PartNumber,
          CopySource,
          CopySourceIfMatch: ETag,
          CopySourceRange: range,
        }),
      );
      return { PartNumber, ETag: copied.CopyPartResult?.ETag };
    });
    await client.send(new CompleteMultipartUploadCommand({ Bucket, Key, UploadId, MultipartUpload: { Parts } }));
  } catch (error) {
    // Parts of an abandoned upload are billed until aborted.
    await client.send(new AbortMultipartUploadCommand({ Bucket, Key, UploadId })).catch(() => undefined);
    throw error;
  }
}

async function mapLimited<T, R>(items: T[], limit: number, work: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

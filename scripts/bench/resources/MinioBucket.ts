import { CreateBucketCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3';
import type { S3Info } from '../../../test/world/WorldInfo.ts';

/** The benchmark's bucket on the world's MinIO, read directly (not through the product) to size backups. */
export class MinioBucket {
  private readonly client: S3Client;

  private constructor(
    s3: S3Info,
    readonly name: string,
  ) {
    this.client = new S3Client({
      endpoint: s3.endpoint,
      region: s3.region,
      forcePathStyle: true,
      credentials: { accessKeyId: s3.accessKeyId, secretAccessKey: s3.secretAccessKey },
    });
  }

  static async create(s3: S3Info, name: string): Promise<MinioBucket> {
    const bucket = new MinioBucket(s3, name);
    await bucket.client.send(new CreateBucketCommand({ Bucket: name }));
    return bucket;
  }

  /** The size of every object under `prefix`, by its key relative to the prefix. */
  async sizesUnder(prefix: string): Promise<Record<string, number>> {
    const sizes: Record<string, number> = {};
    let token: string | undefined;
    do {
      const page = await this.client.send(new ListObjectsV2Command({ Bucket: this.name, Prefix: prefix, ContinuationToken: token }));
      for (const object of page.Contents ?? []) sizes[(object.Key ?? '').slice(prefix.length)] = object.Size ?? 0;
      token = page.NextContinuationToken;
    } while (token);
    return sizes;
  }

  close(): void {
    this.client.destroy();
  }
}

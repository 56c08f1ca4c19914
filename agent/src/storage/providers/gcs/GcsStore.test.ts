import { describe, expect, it } from 'vitest';
import { JobFailure } from '../../../jobs/JobFailure.ts';
import { GcsStore, type GcsTarget } from './GcsStore.ts';

const target = (serviceAccountJson: string): GcsTarget => ({
  kind: 'gcs', bucket: 'shop', prefix: '', endpoint: 'http://127.0.0.1:4443', credential: { projectId: null, serviceAccountJson },
});

describe('GcsStore', () => {
  it('fails with what to do when the service-account JSON is not JSON, or JSON but not an object, instead of a TypeError', () => {
    for (const json of ['not json', 'null', '[]', '"key"']) {
      const open = () => new GcsStore(target(json));
      expect(open).toThrow(JobFailure);
      expect(open).toThrow('the credential of the location gs://shop holds no valid service-account JSON (a JSON object); paste the key file again');
    }
  });

  it('opens with a key file that is a JSON object, sending no request', () => {
    expect(new GcsStore(target('{"client_email":"b@shop.iam"}')).describe()).toBe('gs://shop at http://127.0.0.1:4443');
  });
});

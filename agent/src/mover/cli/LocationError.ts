/** The location could not be reached or refused a request (network, credentials, bucket, permissions). */
export class LocationError extends Error {
  override readonly name = 'LocationError';
  readonly code = 'LOCATION_UNAVAILABLE';
}

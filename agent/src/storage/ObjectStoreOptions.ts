/** How an adapter talks to its store; every field has a default fit for backup jobs. */
export interface ObjectStoreOptions {
  /**
   * Attempts per request, the first included, on throttling, 5xx answers and dropped connections; each SDK's
   * own retry policy spaces them with exponential backoff. Default 5.
   */
  maxAttempts?: number;
  /**
   * A bound on each request from sending to its last byte received. Only for stores that move small objects,
   * such as a location probe: a large upload or download would be cut off. Default: none (connection setup
   * is still bounded on S3, whose SDK has a separate connect timeout). On GCS every request but an object's
   * download honours it: the client library ignores the option for its ordinary requests, so `GcsStore` races
   * them against a deadline of its own.
   */
  requestTimeoutMs?: number;
  /** Keys per list request. Default 1000, the most S3 and GCS return per page. */
  listPageSize?: number;
  /** Where proxy variables (HTTPS_PROXY, NO_PROXY) are read from. Default `process.env`. */
  env?: NodeJS.ProcessEnv;
}

export const defaultMaxAttempts = 5;
export const defaultListPageSize = 1000;
/** Long enough for a TCP and TLS handshake across continents, short enough that a dead endpoint fails fast. */
export const connectTimeoutMs = 5_000;

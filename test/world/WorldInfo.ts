/**
 * Connection details of the running test world. Plain data: it crosses from vitest's global setup to the
 * test workers through `provide`/`inject`, so it holds no functions or handles.
 */
export interface WorldInfo {
  /** Directory holding every peer's log file. */
  logDir: string;
  /** Two independent clusters, `a` and `b`, when their binaries are built. */
  clusters: ClusterInfo[];
  s3?: S3Info;
  gcs?: GcsInfo;
  azure?: AzureInfo;
  idp?: IdpInfo;
  postgres?: PostgresInfo;
  /** Peers that could not be started because they are not built; tests that need them skip. */
  missing: MissingPeer[];
}

export interface MissingPeer {
  peer: string;
  /** The command that builds it. */
  command: string;
}

export interface ClusterInfo {
  name: string;
  /** https://127.0.0.1:PORT of the kube-apiserver. */
  server: string;
  /** A kubeconfig for a cluster-admin user (client certificate in `system:masters`). */
  kubeconfigPath: string;
  /** The cluster CA, trusted by the kubeconfig. */
  caFile: string;
  /** True when kube-controller-manager runs (Deployments get ReplicaSets and Pods, ServiceAccounts get made). */
  controllerManager: boolean;
  /** True when kube-scheduler runs: pods that name no node are scheduled. */
  scheduler: boolean;
  /**
   * True when kwok runs: a Ready fake node `kwok-node-0` exists, its pods become Running, and exec into
   * them runs the command locally (with FLEETBACK_CLUSTER set to the cluster's name).
   */
  kwok: boolean;
}

export interface S3Info {
  endpoint: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
}

export interface GcsInfo {
  /** Base URL for `@google-cloud/storage`'s `apiEndpoint`. */
  endpoint: string;
  projectId: string;
}

export interface AzureInfo {
  /** http://127.0.0.1:PORT/ACCOUNT */
  blobEndpoint: string;
  accountName: string;
  accountKey: string;
  connectionString: string;
}

export interface IdpUser {
  /** The stable subject identifier the provider issues for the user (deliberately not the username). */
  sub: string;
  username: string;
  password: string;
  email: string;
  groups: string[];
}

export interface IdpInfo {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /**
   * A redirect URI registered for the client; the login driver stops at it to read the code. The client is a
   * loopback (RFC 8252) client, so the same URI on any port of 127.0.0.1 is accepted too.
   */
  redirectUri: string;
  /**
   * The audience of JWT access tokens, which is also the resource indicator (RFC 8707) to request them with.
   * The provider assumes it when a request names no resource.
   */
  audience: string;
  /**
   * A public client (no secret, PKCE) for the web console's sign-in from a browser: the hub names it in
   * `signInOptions`. Its redirect URI is `consoleRedirectUri`, on any port of 127.0.0.1 (a loopback client).
   */
  consoleClientId: string;
  consoleRedirectUri: string;
  /** The scopes a relying party asks for to receive email, groups and a refresh token. */
  scope: string;
  /** The claim that carries group names. */
  groupsClaim: string;
  users: IdpUser[];
  /**
   * The provider's private signing key (JWK). Test-only: lets token-negative tests forge tokens that are
   * correctly signed but expired, for another audience, and so on.
   */
  signingKey: Record<string, unknown>;
}

export interface PostgresInfo {
  host: string;
  port: number;
  user: string;
  password: string;
  database: string;
  /** postgres://user:password@host:port/database */
  url: string;
}

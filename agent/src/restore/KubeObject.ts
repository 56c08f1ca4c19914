/** A Kubernetes object as JSON: what the archive holds and what the API server takes. */
export interface KubeObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
    resourceVersion?: string;
    uid?: string;
    ownerReferences?: { apiVersion: string; kind: string; name: string; uid: string }[];
    [field: string]: unknown;
  };
  [field: string]: unknown;
}

/**
 * Resource types no backup takes, whatever its spec includes, by `kubectl api-resources` name, each with
 * the reason. They are records of the moment (events, leases), belong to the machines rather than the
 * application (nodes, CSI node info, volume attachments), are computed on read (metrics, component
 * statuses), or are requests rather than objects (reviews, bindings). Restoring any of them would be wrong
 * or refused. Most request-like types are already unlistable and left out by discovery; they are named here
 * too so the list is the complete, reviewable contract (`schema/format/README.md` repeats it).
 */
export const alwaysExcludedResources: Readonly<Record<string, string>> = {
  events: 'a record of what happened, not desired state',
  'events.events.k8s.io': 'the same events through the events.k8s.io API',
  nodes: 'machines of the source cluster; the target cluster registers its own',
  'leases.coordination.k8s.io': 'heartbeats and leader elections, renewed every few seconds',
  componentstatuses: 'computed on read from the control plane',
  bindings: 'a create-only request to bind a pod to a node',
  'tokenreviews.authentication.k8s.io': 'a create-only request',
  'selfsubjectreviews.authentication.k8s.io': 'a create-only request',
  'subjectaccessreviews.authorization.k8s.io': 'a create-only request',
  'selfsubjectaccessreviews.authorization.k8s.io': 'a create-only request',
  'selfsubjectrulesreviews.authorization.k8s.io': 'a create-only request',
  'localsubjectaccessreviews.authorization.k8s.io': 'a create-only request',
  'csinodes.storage.k8s.io': "each node's CSI drivers, written by its kubelet",
  'volumeattachments.storage.k8s.io': 'attachments of volumes to nodes of the source cluster',
  'resourceslices.resource.k8s.io': "devices a node's drivers publish",
  'ipaddresses.networking.k8s.io': "the service IP allocator's state; restored services get their own IPs",
};

/** API groups that serve only computed or internal data; every type in them is excluded. */
export const alwaysExcludedGroups: Readonly<Record<string, string>> = {
  'metrics.k8s.io': 'live resource usage, computed on read',
  'custom.metrics.k8s.io': 'live metrics, computed on read',
  'external.metrics.k8s.io': 'live metrics, computed on read',
  'internal.apiserver.k8s.io': "the API servers' own bookkeeping",
};

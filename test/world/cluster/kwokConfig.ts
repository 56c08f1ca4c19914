/** The annotation that makes kwok take charge of a Node; nodes without it are left alone. */
export const fakeNodeAnnotation = { key: 'kwok.x-k8s.io/node', value: 'fake' } as const;

export interface KwokConfigOptions {
  /** Cluster name, handed to exec'd commands as FLEETBACK_CLUSTER. */
  cluster: string;
  /** kwok's kubelet-like server (exec, logs) listens on 127.0.0.1 at this port; nodes advertise it. */
  port: number;
  /** Working directory of commands run by `kubectl exec`-style requests. */
  execDir: string;
}

/**
 * kwok's configuration file: its options, one ClusterExec that runs every exec request as a local command,
 * and the Stages that play a kubelet. kwok v0.8 ships no built-in stages, so these are ours and kept minimal:
 * nodes become Ready, pods become Running (pods of Jobs then Succeed), and deleted pods go away at once, as
 * no kubelet will confirm their termination.
 */
export function kwokConfig(options: KwokConfigOptions): string {
  const { port } = options;
  const stage = (name: string, kind: 'Node' | 'Pod', selector: string, next: string) => `---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: Stage
metadata:
  name: ${name}
spec:
  resourceRef:
    apiGroup: v1
    kind: ${kind}
  selector:
    matchExpressions:
${selector}
  next:
${next}`;
  const notDeleted = `    - key: .metadata.deletionTimestamp
      operator: DoesNotExist`;

  return `apiVersion: kwok.x-k8s.io/v1alpha1
kind: KwokConfiguration
options:
  nodeIP: 127.0.0.1
  nodePort: ${port}
  serverAddress: 127.0.0.1:${port}
  cidr: 10.244.0.1/16
  manageNodesWithAnnotationSelector: ${fakeNodeAnnotation.key}=${fakeNodeAnnotation.value}
  manageAllNodes: false
  # kwok renews node Leases, which kube-controller-manager takes as heartbeats; no status churn needed.
  nodeLeaseDurationSeconds: 40
  # kwok applies no defaults to a configuration file, so every knob it needs is spelled out.
  nodeLeaseParallelism: 2
  nodePlayStageParallelism: 2
  podPlayStageParallelism: 4
  podsOnNodeSyncParallelism: 1
  enablePodsOnNodeSyncListPager: true
  enablePodsOnNodeSyncStreamWatch: false
  enableDebuggingHandlers: true
  enableProfilingHandler: false
  enableContentionProfiling: false
---
apiVersion: kwok.x-k8s.io/v1alpha1
kind: ClusterExec
metadata:
  name: run-locally
spec:
  execs:
  - local:
      workDir: ${JSON.stringify(options.execDir)}
      envs:
      - name: FLEETBACK_CLUSTER
        value: ${JSON.stringify(options.cluster)}
${stage(
  'node-ready',
  'Node',
  `    - key: '.status.conditions.[] | select(.type == "Ready") | .status'
      operator: NotIn
      values: ["True"]`,
  `    statusTemplate: |
      conditions:
      {{ range NodeConditions }}
      - {type: {{ .type }}, status: {{ .status | Quote }}, reason: {{ .reason }}, message: {{ .message | Quote }},
         lastHeartbeatTime: {{ Now | Quote }}, lastTransitionTime: {{ Now | Quote }}}
      {{ end }}
      addresses:
      - type: InternalIP
        address: 127.0.0.1
      - type: Hostname
        address: {{ .metadata.name | Quote }}
      daemonEndpoints:
        kubeletEndpoint:
          Port: ${port}
      capacity: {cpu: "32", memory: 128Gi, pods: "250"}
      allocatable: {cpu: "32", memory: 128Gi, pods: "250"}
      nodeInfo:
        architecture: amd64
        operatingSystem: linux
        kubeletVersion: kwok
        kubeProxyVersion: kwok
        containerRuntimeVersion: kwok
        kernelVersion: kwok
        osImage: kwok
        machineID: ""
        systemUUID: ""
        bootID: ""
      phase: Running`,
)}
${stage(
  'pod-running',
  'Pod',
  `${notDeleted}
    - key: .status.phase
      operator: In
      values: [Pending]`,
  `    statusTemplate: |
      {{ $now := Now }}
      phase: Running
      startTime: {{ $now | Quote }}
      hostIP: 127.0.0.1
      hostIPs: [{ip: 127.0.0.1}]
      {{ $ip := "127.0.0.1" }}{{ if not .spec.hostNetwork }}{{ $ip = PodIP }}{{ end }}
      podIP: {{ $ip | Quote }}
      podIPs: [{ip: {{ $ip | Quote }}}]
      conditions:
      {{ range list "PodReadyToStartContainers" "Initialized" "ContainersReady" "Ready" }}
      - type: {{ . }}
        status: "True"
        lastTransitionTime: {{ $now | Quote }}
      {{ end }}
      initContainerStatuses:
      {{ range .spec.initContainers }}
      - name: {{ .name | Quote }}
        image: {{ .image | Quote }}
        ready: true
        restartCount: 0
        state: {terminated: {exitCode: 0, reason: Completed, startedAt: {{ $now | Quote }}, finishedAt: {{ $now | Quote }}}}
      {{ end }}
      containerStatuses:
      {{ range .spec.containers }}
      - name: {{ .name | Quote }}
        image: {{ .image | Quote }}
        ready: true
        started: true
        restartCount: 0
        state: {running: {startedAt: {{ $now | Quote }}}}
      {{ end }}`,
)}
${stage(
  'job-pod-succeeded',
  'Pod',
  `${notDeleted}
    - key: .status.phase
      operator: In
      values: [Running]
    - key: .metadata.ownerReferences.[].kind
      operator: In
      values: [Job]`,
  `    statusTemplate: |
      {{ $now := Now }}
      phase: Succeeded
      containerStatuses:
      {{ range .spec.containers }}
      - name: {{ .name | Quote }}
        image: {{ .image | Quote }}
        ready: false
        started: false
        restartCount: 0
        state: {terminated: {exitCode: 0, reason: Completed, startedAt: {{ $now | Quote }}, finishedAt: {{ $now | Quote }}}}
      {{ end }}`,
)}
${stage(
  'pod-delete',
  'Pod',
  `    - key: .metadata.deletionTimestamp
      operator: Exists`,
  '    delete: true',
)}
`;
}

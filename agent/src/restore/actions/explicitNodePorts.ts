import { lastAppliedAnnotation } from './lastAppliedConfigurationAction.ts';
import type { KubeObject } from '../KubeObject.ts';
import { recordOf } from '../recordOf.ts';

/** The node ports of a Service a user set rather than the source cluster allocated. */
export interface ExplicitNodePorts {
  /** The ports, by `portKey`, whose `nodePort` was set. */
  ports: ReadonlySet<string>;
  healthCheckNodePort: boolean;
}

/** How a Service port is identified, as server-side apply keys it: number and protocol (TCP when left out). */
export function portKey(port: unknown, protocol: unknown): string {
  return `${String(port)}/${typeof protocol === 'string' ? protocol : 'TCP'}`;
}

/**
 * The node ports a user set on Service `object`: those in the manifest `kubectl apply` recorded
 * (`last-applied-configuration`), and those a manager of its `managedFields` owns (server-side apply, or any
 * create or update that sent them). The API server allocates the others after recording managed fields, so
 * no manager owns an allocated port. Both sources are untrusted archive data: anything malformed counts as
 * naming nothing.
 */
export function explicitNodePorts(object: KubeObject): ExplicitNodePorts {
  const ports = new Set<string>();
  let healthCheckNodePort = false;
  const manifestSpec = recordOf(recordOf(parseJson(object.metadata.annotations?.[lastAppliedAnnotation]))?.spec);
  if (manifestSpec?.healthCheckNodePort !== undefined) healthCheckNodePort = true;
  for (const port of Array.isArray(manifestSpec?.ports) ? manifestSpec.ports : []) {
    const fields = recordOf(port);
    if (fields?.nodePort !== undefined) ports.add(portKey(fields.port, fields.protocol));
  }
  const managed = object.metadata.managedFields;
  for (const entry of Array.isArray(managed) ? managed : []) {
    const spec = recordOf(recordOf(recordOf(entry)?.fieldsV1)?.['f:spec']);
    if (spec?.['f:healthCheckNodePort'] !== undefined) healthCheckNodePort = true;
    for (const [key, fields] of Object.entries(recordOf(spec?.['f:ports']) ?? {})) {
      const port = key.startsWith('k:') ? recordOf(parseJson(key.slice(2))) : undefined;
      if (port && recordOf(fields)?.['f:nodePort'] !== undefined) ports.add(portKey(port.port, port.protocol));
    }
  }
  return { ports, healthCheckNodePort };
}

function parseJson(text: string | undefined): unknown {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

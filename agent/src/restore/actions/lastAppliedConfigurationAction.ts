import { targetNamespaceOf } from '#schema/contracts/RestoreSpec';
import type { RestoreAction } from './RestoreAction.ts';
import { recordOf } from '../recordOf.ts';

export const lastAppliedAnnotation = 'kubectl.kubernetes.io/last-applied-configuration';

/**
 * The `kubectl.kubernetes.io/last-applied-configuration` annotation names the namespace of the manifest last
 * applied (and a Namespace's own name): `namespaceMapping` goes through it as through the object, or the next
 * `kubectl apply` in the target would compare against an object of the source namespace. Only those two
 * fields change, and the annotation is rewritten compactly, as kubectl writes it. An annotation that is not a
 * JSON object is left as it is: kubectl would not read it either, and the restore does not own it.
 */
export const lastAppliedConfigurationAction: RestoreAction = {
  appliesTo: 'everyItem',
  run: (object, item, { spec }) => {
    const text = object.metadata.annotations?.[lastAppliedAnnotation];
    if (text === undefined || Object.keys(spec.namespaceMapping).length === 0) return { object };
    let manifest: unknown;
    try {
      manifest = JSON.parse(text);
    } catch {
      return { object };
    }
    const fields = recordOf(recordOf(manifest)?.metadata);
    if (!fields) return { object };
    const field = item.type === 'namespaces' ? 'name' : 'namespace';
    const source = fields[field];
    if (typeof source !== 'string' || targetNamespaceOf(spec, source) === source) return { object };
    fields[field] = targetNamespaceOf(spec, source);
    // kubectl ends the annotation with a newline; keep whatever the source had.
    const rewritten = JSON.stringify(manifest) + (text.endsWith('\n') ? '\n' : '');
    object.metadata.annotations = { ...object.metadata.annotations, [lastAppliedAnnotation]: rewritten };
    return { object };
  },
};

import { Badge, type BadgeTone } from '../ui/Badge.tsx';
import type { RestoreItem, RestoreItemResult } from './restoreItemsQuery.ts';

const tones: Record<RestoreItemResult, BadgeTone> = { created: 'ok', updated: 'info', skipped: 'neutral', failed: 'bad' };

/** A page of a restore's items: what each is, what happened to it, and why when it was skipped or failed. */
export function ItemsTable({ items }: { items: readonly RestoreItem[] }) {
  return (
    <table className="table items-table">
      <caption className="visually-hidden">Restored items</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Type</th>
          <th scope="col">Namespace</th>
          <th scope="col">Name</th>
          <th scope="col">Result</th>
          <th scope="col">Details</th>
        </tr>
      </thead>
      <tbody>
        {items.map((item) => (
          <tr
            key={item.index}
            data-item={`${item.type} ${item.namespace ?? ''}/${item.name}`}
            className={item.result === 'failed' ? 'row-bad' : undefined}
          >
            <td data-label="#">
              <div>{item.index + 1}</div>
            </td>
            <td data-label="Type">
              <div>
                <code>{item.type}</code>
              </div>
            </td>
            <td data-label="Namespace">
              <div>{item.namespace ?? <span className="subtle">cluster-wide</span>}</div>
            </td>
            <th scope="row" data-label="Name">
              <div>{item.name}</div>
            </th>
            <td data-label="Result">
              <div>
                <Badge tone={tones[item.result]}>{item.result}</Badge>
              </div>
            </td>
            <td data-label="Details" className="item-details">
              <div>
                {item.result === 'failed' && <span className="item-error">{item.error ?? 'no reason given'}</span>}
                {item.result === 'skipped' && <span>{item.reason ?? 'no reason given'}</span>}
                {(item.result === 'created' || item.result === 'updated') && item.reason && <span>{item.reason} </span>}
                {(item.result === 'created' || item.result === 'updated') && item.uid && (
                  <span className="subtle" title="The object’s uid in the target cluster">
                    uid {item.uid}
                  </span>
                )}
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

import { Page, type PageProps } from '../ui/Page.tsx';
import './restores.css';

/** A restore screen: the console's `Page`, inside the wrapper that scopes restores.css. */
export function RestoreScreen(props: PageProps) {
  return (
    <div className="restore-screens">
      <Page {...props} />
    </div>
  );
}

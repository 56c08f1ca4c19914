import { Link } from '../router/Link.tsx';
import { EmptyState } from '../states/EmptyState.tsx';
import { Page } from '../ui/Page.tsx';
import { homePath } from './routes.tsx';

export function NotFoundPage({ path }: { path: string }) {
  return (
    <Page title="Page not found">
      <EmptyState title={`Nothing lives at ${path}`} action={<Link to={homePath}>Go to the fleet</Link>}>
        <p>The address may be mistyped, or the page may belong to a newer console.</p>
      </EmptyState>
    </Page>
  );
}

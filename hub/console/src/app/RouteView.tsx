import { useEffect } from 'react';
import { matchRoute } from '../router/matchRoute.ts';
import { navigate } from '../router/navigate.ts';
import { useLocation } from '../router/useLocation.ts';
import { NotFoundPage } from './NotFoundPage.tsx';
import { homePath, routes } from './routes.tsx';

/** The screen of the current path; `/` leads to the fleet. */
export function RouteView() {
  const { pathname } = useLocation();
  useEffect(() => {
    if (pathname === '/') navigate(homePath, { replace: true });
  }, [pathname]);
  if (pathname === '/') return null;
  for (const route of routes) {
    const params = matchRoute(route.path, pathname);
    if (params) return <>{route.render(params)}</>;
  }
  return <NotFoundPage path={pathname} />;
}

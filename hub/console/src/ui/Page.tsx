import type { ReactNode } from 'react';
import { usePageTitle } from './usePageTitle.ts';

export interface PageProps {
  title: string;
  /** One line under the title saying what the screen is for. */
  description?: ReactNode;
  /** Buttons at the title's right (wrapping below it on a narrow window). */
  actions?: ReactNode;
  children: ReactNode;
}

/** A screen's frame: its heading (which also names the browser tab), its actions and its content. */
export function Page({ title, description, actions, children }: PageProps) {
  usePageTitle(title);
  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1 tabIndex={-1} className="page-title">
            {title}
          </h1>
          {description && <p className="page-description">{description}</p>}
        </div>
        {actions && <div className="page-actions">{actions}</div>}
      </div>
      {children}
    </div>
  );
}

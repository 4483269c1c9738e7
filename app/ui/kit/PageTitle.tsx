import type { ReactNode } from "react";

interface PageTitleProps {
  /** The page's one h1. */
  children: ReactNode;
  /** A sentence or two under the heading, in the lead style. */
  lead?: ReactNode;
  /** Links or buttons that belong to the whole page (e.g. "Create a wall"), after the lead. */
  actions?: ReactNode;
  id?: string;
}

/** The top of a page: its one h1, an optional lead and the page's own actions. */
export function PageTitle({ children, lead, actions, id }: PageTitleProps) {
  return (
    <div className="page-title">
      <h1 id={id}>{children}</h1>
      {lead && <p className="lead">{lead}</p>}
      {actions && <div className="page-title-actions">{actions}</div>}
    </div>
  );
}

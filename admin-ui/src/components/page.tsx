import { useEffect, type ReactNode } from 'react';

/** Sets the document title ("<title> · HireBridge"), so tabs and history read well. */
export function useDocumentTitle(title: string): void {
  useEffect(() => {
    document.title = `${title} · HireBridge`;
  }, [title]);
}

/** A page with its heading and the document title. */
export function Page(props: {
  readonly title: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}) {
  useDocumentTitle(props.title);
  return (
    <section className="page" aria-labelledby="page-title">
      <header className="page-header">
        <h1 id="page-title">{props.title}</h1>
        {props.actions && <div className="actions">{props.actions}</div>}
      </header>
      {props.children}
    </section>
  );
}

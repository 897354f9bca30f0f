import { useEffect, type ReactNode } from 'react';

/** A page with its heading; sets the document title so tabs and history read well. */
export function Page(props: {
  readonly title: string;
  readonly actions?: ReactNode;
  readonly children: ReactNode;
}) {
  useEffect(() => {
    document.title = `${props.title} · HireBridge`;
  }, [props.title]);
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

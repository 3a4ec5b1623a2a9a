import type { ReactNode } from 'react';
import type { Topic } from '../../../shared/payloads';
import { useMonitor } from '../store/context';
import { selectLatest } from '../store/monitor';
import './PageHeader.css';

interface Props {
  title: string;
  children?: ReactNode;
  /** Topics whose read errors (snapshot.errors) this page should show. */
  topics?: readonly Topic[];
}

/** The page title, a line of context, and any collector errors for the page's topics. */
export function PageHeader({ title, children, topics = [] }: Props) {
  const errors = useMonitor((s) => selectLatest(s)?.errors);
  const shown = topics.flatMap((t) => (errors?.[t] ? [[t, errors[t]!] as const] : []));
  return (
    <>
      <div className="page-head">
        <h2>{title}</h2>
        {children && <div className="page-sub muted">{children}</div>}
      </div>
      {shown.map(([topic, e]) => (
        <div className="banner" role="alert" key={topic}>
          Couldn’t read {topic}: {e.message} ({e.code})
        </div>
      ))}
    </>
  );
}

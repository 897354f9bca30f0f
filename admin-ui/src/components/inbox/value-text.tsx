import { CalendarDate } from '../time';
import { PhoneText } from './phone-text';
import { formatValue, isEmptyValue, isPerson, safeHref } from './values';

/** An address as a link when its scheme is safe (http, https, mailto), else as plain text. */
function Address({
  href,
  text,
  external,
}: {
  readonly href: string;
  readonly text: string;
  readonly external?: boolean;
}) {
  const safe = safeHref(href);
  if (!safe) return <span className="value">{text}</span>;
  return external ? (
    <a className="value" href={safe} target="_blank" rel="noopener noreferrer">
      {text}
    </a>
  ) : (
    <a className="value" href={safe}>
      {text}
    </a>
  );
}

/**
 * A field value as text. URL fields become links and emails mailto links (after a scheme check); a
 * person shows the name with the email beneath, or on one line when `inline` (diffs).
 */
export function ValueText({
  value,
  type,
  empty = '—',
  inline = false,
}: {
  readonly value: unknown;
  readonly type?: string | undefined;
  readonly empty?: string;
  readonly inline?: boolean;
}) {
  if (isEmptyValue(value)) return <span className="muted">{empty}</span>;
  if (isPerson(value) && !inline) {
    return (
      <span className="person">
        <span className="value">{value.name}</span>
        {value.email && (
          <span className="person-email">
            <Address href={`mailto:${value.email}`} text={value.email} />
          </span>
        )}
      </span>
    );
  }
  const shown = formatValue(value);
  if (typeof value === 'string' && type === 'url') return <Address href={value} text={shown} external />;
  if (typeof value === 'string' && type === 'email') return <Address href={`mailto:${value}`} text={shown} />;
  if (typeof value === 'string' && type === 'phone') return <PhoneText value={value} />;
  if (typeof value === 'string' && type === 'date') return <CalendarDate date={value} />;
  return <span className="value">{shown}</span>;
}

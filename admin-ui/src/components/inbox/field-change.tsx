import { ValueText } from './value-text';

/** One changed field: label, the old value struck through, the new value. */
export function FieldChange(props: {
  readonly label: string;
  readonly from: unknown;
  readonly to: unknown;
  readonly type?: string | undefined;
}) {
  return (
    <li className="field-change">
      <span className="change-label">{props.label}:</span>{' '}
      <del className="diff-old">
        <ValueText value={props.from} type={props.type} empty="(empty)" inline />
      </del>{' '}
      <span aria-hidden="true">→</span> <span className="visually-hidden">changed to</span>{' '}
      <ins className="diff-new">
        <ValueText value={props.to} type={props.type} empty="(empty)" inline />
      </ins>
    </li>
  );
}

/** One choice among labelled options, as a labelled `<select>`; `anyLabel` adds an empty "any" first. */
export function ChoiceField<V extends string>(props: {
  label: string;
  value: V;
  onChange: (value: V) => void;
  options: readonly { value: V; label: string }[];
  anyLabel?: string;
  required?: boolean;
}) {
  return (
    <label>
      {props.label}
      <select
        value={props.value}
        onChange={(e) => props.onChange(e.target.value as V)}
        required={props.required}
      >
        {props.anyLabel !== undefined ? <option value="">{props.anyLabel}</option> : null}
        {props.options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

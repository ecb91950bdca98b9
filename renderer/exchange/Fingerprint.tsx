/** A key fingerprint as groups of four hex digits that wrap between groups, never inside one, for reading aloud. */
export function Fingerprint({ value, id }: { value: string; id?: string }) {
  return (
    <code className="fingerprint" id={id} data-fingerprint={value}>
      {value.split(' ').map((group, index) => (
        // The groups of one fingerprint never reorder, so their position is their identity.
        <span key={index}>{group}</span>
      ))}
    </code>
  );
}

/**
 * An arrow along the reading direction: "forward" points right in English and left in Arabic
 * (the arrow characters themselves do not mirror). Decorative: the words beside it carry the meaning.
 */
export function Arrow({ to }: { to: 'back' | 'forward' | 'closed' | 'open' }) {
  const glyph = { back: '←', forward: '→', closed: '▸', open: '▾' }[to];
  return (
    <span className="arrow" aria-hidden="true">
      {glyph}
    </span>
  );
}

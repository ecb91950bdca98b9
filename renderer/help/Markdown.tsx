import type { ReactNode } from 'react';
import type { Block, Inline } from './markdown';

/** Heading anchors get this prefix so that a guide section can never take the id of an app element. */
export const anchorId = (id: string) => `guide-${id}`;

function inline(parts: readonly Inline[]): ReactNode[] {
  return parts.map((part, i) => {
    switch (part.kind) {
      case 'text':
        return part.text;
      case 'code':
        return <code key={i}>{part.text}</code>;
      case 'strong':
        return <strong key={i}>{inline(part.children)}</strong>;
      case 'em':
        return <em key={i}>{inline(part.children)}</em>;
      case 'link':
        // Only web addresses become links (the desktop shell opens allowed ones in the browser);
        // a link to a repository file means nothing inside the app, so its text stays as text.
        return /^https:\/\//.test(part.href) ? (
          <a key={i} href={part.href} target="_blank" rel="noreferrer">
            {inline(part.children)}
          </a>
        ) : (
          <span key={i}>{inline(part.children)}</span>
        );
    }
  });
}

function block(item: Block, key: number): ReactNode {
  switch (item.kind) {
    case 'heading': {
      // The page already has its h1: the guide's own title is an h2 and its sections follow.
      const Tag = `h${Math.min(item.level + 1, 6)}` as 'h2';
      return (
        <Tag key={key} id={item.id ? anchorId(item.id) : undefined} tabIndex={item.id ? -1 : undefined}>
          {inline(item.content)}
        </Tag>
      );
    }
    case 'paragraph':
      return <p key={key}>{inline(item.content)}</p>;
    case 'list': {
      const Tag = item.ordered ? 'ol' : 'ul';
      return (
        <Tag key={key}>
          {item.items.map((entry, i) => (
            <li key={i}>
              {inline(entry.content)}
              {entry.children && block(entry.children, 0)}
            </li>
          ))}
        </Tag>
      );
    }
    case 'table':
      return (
        <div key={key} className="guide-table">
          <table>
            {item.head.length > 0 && (
              <thead>
                <tr>
                  {item.head.map((cell, i) => (
                    <th key={i} scope="col">
                      {inline(cell)}
                    </th>
                  ))}
                </tr>
              </thead>
            )}
            <tbody>
              {item.rows.map((row, r) => (
                <tr key={r}>
                  {row.map((cell, i) => (
                    <td key={i}>{inline(cell)}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      );
  }
}

/** Renders parsed Markdown as React elements: text is always text, never HTML. */
export function Markdown({ blocks }: { blocks: readonly Block[] }) {
  return <>{blocks.map(block)}</>;
}

import { memo, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Framework } from '../../core/model/framework';
import { pickText } from '../../core/model/pick-text';
import { Arrow } from './Arrow';

interface Props {
  framework: Framework;
  /** Indicators to list; nodes without any are left out. */
  visible: ReadonlySet<string>;
  currentId: string | undefined;
  /** Counts toward a node's progress. */
  done: (indicatorId: string) => boolean;
  /** A short mark before the indicator: its level, "N/A", "✓". */
  mark: (indicatorId: string) => string;
  /** Read by screen readers after the indicator, e.g. "not answered". */
  status: (indicatorId: string) => string | undefined;
  linkTo: (indicatorId: string) => string;
  /** Open every domain, e.g. while a filter or search is active. */
  expandAll: boolean;
  label: string;
}

const Progress = memo(function Progress({ done, total }: { done: number; total: number }) {
  const { t } = useTranslation();
  return (
    <span className="count">
      <span aria-hidden="true">
        {done}/{total}
      </span>
      <span className="sr-only">{t('tree.progress', { done, total })}</span>
      <span className="meter" aria-hidden="true">
        <span style={{ width: `${total ? (100 * done) / total : 0}%` }} />
      </span>
    </span>
  );
});

/** One indicator's link; memoised so that moving to the next indicator re-renders two rows, not the whole list. */
const IndicatorLink = memo(function IndicatorLink({ href, current, done, mark, number, text, lang, extra }: { href: string; current: boolean; done: boolean; mark: string; number: string; text: string; lang: string; extra: string | undefined }) {
  return (
    <li>
      <a className="nav-indicator" href={href} aria-current={current ? 'page' : undefined}>
        <span className={`mark ${done ? 'mark-done' : ''}`} aria-hidden="true">
          {mark}
        </span>
        {/* Two lines of the question here; the whole of it on hover. */}
        <span className="nav-text" lang={lang} title={text}>
          {number} {text}
        </span>
        {extra && <span className="sr-only">({extra})</span>}
      </a>
    </li>
  );
});

/** Domain → capability → indicator, with progress per node; domains fold to keep the list short. */
export function NavTree({ framework, visible, currentId, done, mark, status, linkTo, expandAll, label }: Props) {
  const { i18n } = useTranslation();
  // The framework's language where it has no translation into the UI language.
  const shown = framework.languages.includes(i18n.language) ? i18n.language : 'en';
  const currentDomain = framework.domains.find((d) => d.capabilities.some((c) => c.indicators.some((i) => i.id === currentId)))?.id;
  const [opened, setOpened] = useState<Record<string, boolean>>({});
  const toggle = useCallback((domainId: string, open: boolean) => setOpened((was) => ({ ...was, [domainId]: !open })), []);

  return (
    <nav className="nav-tree" aria-label={label}>
      <ol>
        {framework.domains.map((domain, d) => (
          <DomainBranch
            key={domain.id}
            domain={domain}
            d={d}
            open={expandAll || (opened[domain.id] ?? domain.id === currentDomain)}
            // Only the domains the current indicator leaves or enters see it change.
            currentId={domain.id === currentDomain ? currentId : undefined}
            visible={visible}
            done={done}
            mark={mark}
            status={status}
            linkTo={linkTo}
            language={i18n.language}
            shown={shown}
            onToggle={toggle}
          />
        ))}
      </ol>
    </nav>
  );
}

type BranchProps = Pick<Props, 'visible' | 'currentId' | 'done' | 'mark' | 'status' | 'linkTo'> & {
  domain: Framework['domains'][number];
  d: number;
  open: boolean;
  language: string;
  shown: string;
  onToggle: (domainId: string, open: boolean) => void;
};

/** One domain; memoised so that moving to the next indicator re-renders the one or two domains it concerns. */
const DomainBranch = memo(function DomainBranch({ domain, d, open, currentId, visible, done, mark, status, linkTo, language, shown, onToggle }: BranchProps) {
  const text = (value: Parameters<typeof pickText>[0]) => pickText(value, language);
  const domainIds = domain.capabilities.flatMap((c) => c.indicators.map((i) => i.id));
  if (!domainIds.some((id) => visible.has(id))) return null;
  return (
    <li>
      <button type="button" className="nav-domain" aria-expanded={open} onClick={() => onToggle(domain.id, open)}>
        <span className="nav-caret">
          <Arrow to={open ? 'open' : 'closed'} />
        </span>
        <span className="nav-text" lang={shown}>
          {d + 1}. {text(domain.title)}
        </span>
        <Progress done={domainIds.filter(done).length} total={domainIds.length} />
      </button>
      {open && (
        <ol>
          {domain.capabilities.map((capability, c) => {
            const ids = capability.indicators.map((i) => i.id);
            if (!ids.some((id) => visible.has(id))) return null;
            return (
              <li key={capability.id}>
                <div className="nav-capability">
                  <span className="nav-text" lang={shown}>
                    {d + 1}.{c + 1} {text(capability.title)}
                  </span>
                  <Progress done={ids.filter(done).length} total={ids.length} />
                </div>
                <ol>
                  {capability.indicators.map((indicator, i) => {
                    if (!visible.has(indicator.id)) return null;
                    return (
                      <IndicatorLink
                        key={indicator.id}
                        href={linkTo(indicator.id)}
                        current={indicator.id === currentId}
                        done={done(indicator.id)}
                        mark={mark(indicator.id)}
                        number={`${d + 1}.${c + 1}.${i + 1}`}
                        text={text(indicator.question)}
                        lang={shown}
                        extra={status(indicator.id)}
                      />
                    );
                  })}
                </ol>
              </li>
            );
          })}
        </ol>
      )}
    </li>
  );
});

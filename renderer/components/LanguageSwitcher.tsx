import { useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { PSEUDO_LANGUAGE } from '../../core/i18n/pseudo';
import { isUiLanguage, languageInfo, uiLanguages } from '../../locales/languages';
import { loadFonts } from '../fonts';
import { pseudoInMenu, switchLanguage } from '../i18n';
import { isAppLanguage, type AppLanguage } from '../ui-strings';
import { useLanguageStatus } from './language-status';

type Switching = { kind: 'idle' } | { kind: 'loading'; language: AppLanguage } | { kind: 'failed'; language: AppLanguage };

/** The eight languages, each by its own name and with how far its translation can be trusted. */
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const statusText = useLanguageStatus();
  const menu = useRef<HTMLDetailsElement>(null);
  const [switching, setSwitching] = useState<Switching>({ kind: 'idle' });
  const current: AppLanguage = isAppLanguage(i18n.language) ? i18n.language : 'en';
  const choices: AppLanguage[] = [...uiLanguages, ...(pseudoInMenu || current === PSEUDO_LANGUAGE ? [PSEUDO_LANGUAGE as AppLanguage] : [])];
  const ownName = (code: AppLanguage) => (isUiLanguage(code) ? languageInfo(code).nativeName : t('language.pseudo'));

  const close = () => {
    if (menu.current) menu.current.open = false;
    menu.current?.querySelector('summary')?.focus();
  };
  const choose = async (language: AppLanguage) => {
    close();
    if (language === current) return;
    setSwitching({ kind: 'loading', language });
    try {
      await switchLanguage(language);
      setSwitching({ kind: 'idle' });
    } catch {
      setSwitching({ kind: 'failed', language });
    }
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && menu.current?.open) {
      event.preventDefault();
      close();
    }
  };

  return (
    <div className="language-switcher" aria-busy={switching.kind === 'loading'}>
      {/* Each language's name is drawn in its own script: their fonts come in when the menu opens. */}
      <details
        ref={menu}
        className="language-menu"
        onKeyDown={onKeyDown}
        onToggle={(event) => event.currentTarget.open && uiLanguages.forEach((code) => void loadFonts(code))}
        onBlur={(event) => {
          // Clicking or tabbing elsewhere closes the menu, as a menu does.
          if (!event.currentTarget.contains(event.relatedTarget)) event.currentTarget.open = false;
        }}
      >
        <summary>
          {t('language.label')}: <span lang={current}>{ownName(current)}</span>
        </summary>
        <ul className="language-list">
          {choices.map((code) => {
            const status = isUiLanguage(code) ? statusText(code) : undefined;
            return (
              <li key={code}>
                <button type="button" aria-current={code === current ? 'true' : undefined} onClick={() => void choose(code)}>
                  <span lang={isUiLanguage(code) ? code : undefined} className="language-own-name">
                    {ownName(code)}
                  </span>
                  {status && <span className={`language-status language-status-${status.kind}`}>{status.text}</span>}
                </button>
              </li>
            );
          })}
        </ul>
      </details>
      <span className="language-progress" role="status">
        {switching.kind === 'loading' && t('language.loading', { language: ownName(switching.language) })}
        {switching.kind === 'failed' && t('language.failed', { language: ownName(switching.language) })}
      </span>
    </div>
  );
}

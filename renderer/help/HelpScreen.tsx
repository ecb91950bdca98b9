import { useEffect, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { textDirection } from '../../locales/languages';
import { request } from '../api';
import { useLoad } from '../hooks/useLoad';
import { href } from '../route';
import { ContentLanguageNote } from '../components/language-status';
import { guideSections, loadedGuide, loadGuide, type Guide } from './guide';
import { anchorId, Markdown } from './Markdown';
import { OpenSampleButton } from './OpenSampleButton';
import './help.css';

/** The section id of the licences, beside the guide's own section ids. */
export const LICENCES_SECTION = 'licences';
/** Written by the renderer build (electron/licences.ts) next to index.html, in every shell. */
const LICENCES_FILE = 'third-party-licences.txt';

/** The assessor's guide in the UI language, the sample, and what CCAT is built from. */
export default function HelpScreen({ section }: { section: string | undefined }) {
  const { t, i18n } = useTranslation();
  const guide = useGuide(i18n.language);
  const blocks = guide?.blocks;
  const sections = useMemo(() => (blocks ? guideSections(blocks) : []), [blocks]);

  useEffect(() => {
    if (section === undefined) return;
    const target = document.getElementById(section === LICENCES_SECTION ? 'help-licences' : anchorId(section));
    target?.scrollIntoView({ block: 'start' });
    target?.focus({ preventScroll: true });
  }, [section, blocks]);

  return (
    <div className="page help-page">
      <div className="page-head">
        <h1>{t('help.heading')}</h1>
      </div>
      <div className="help-layout">
        <div className="help-side">
          <section className="help-sample" aria-labelledby="help-sample-title">
            <h2 id="help-sample-title">{t('help.sample.heading')}</h2>
            <p>{t('help.sample.intro')}</p>
            <OpenSampleButton />
          </section>
          <nav className="help-toc" aria-labelledby="help-toc-title">
            <h2 id="help-toc-title">{t('help.contents')}</h2>
            {/* The guide numbers its own sections. */}
            <ul>
              {sections.map((s) => (
                <li key={s.id} lang={guide?.language}>
                  <a href={href({ screen: 'help', section: s.id })} aria-current={s.id === section ? 'location' : undefined}>
                    {s.title}
                  </a>
                </li>
              ))}
              <li>
                <a href={href({ screen: 'help', section: LICENCES_SECTION })} aria-current={section === LICENCES_SECTION ? 'location' : undefined}>
                  {t('help.licences.heading')}
                </a>
              </li>
            </ul>
          </nav>
        </div>
        <div className="help-main">
          {guide ? (
            <>
              <ContentLanguageNote wanted={i18n.language} shown={guide.language} />
              <article className="guide" lang={guide.language} dir={textDirection(guide.language)}>
                <Markdown blocks={guide.blocks} />
              </article>
            </>
          ) : (
            <p aria-busy="true">{t('loading')}</p>
          )}
          <Licences show={section === LICENCES_SECTION} />
        </div>
      </div>
    </div>
  );
}

/** The guide in the UI language: at once when it is loaded already, else after its file has arrived. */
function useGuide(language: string): Guide | undefined {
  const [fetched, setFetched] = useState<Guide | undefined>();
  const ready = loadedGuide(language);
  const isReady = ready !== undefined;
  useEffect(() => {
    if (isReady) return;
    let live = true;
    void loadGuide(language).then((guide) => live && setFetched(guide));
    return () => {
      live = false;
    };
  }, [language, isReady]);
  return ready ?? (fetched?.language === language ? fetched : undefined);
}

type Texts = { text: string } | 'missing';

function Licences({ show }: { show: boolean }) {
  const { t } = useTranslation();
  const info = useLoad(() => request('getAppInfo', {}), 'app-info');
  const [asked, setAsked] = useState(false);
  const [texts, setTexts] = useState<Texts | undefined>();
  const wanted = show || asked;
  useEffect(() => {
    if (!wanted) return;
    let live = true;
    fetch(LICENCES_FILE)
      .then(async (response): Promise<Texts> => (response.ok ? { text: await response.text() } : 'missing'))
      .catch((): Texts => 'missing')
      .then((loaded) => {
        if (live) setTexts(loaded);
      });
    return () => {
      live = false;
    };
  }, [wanted]);
  // Opened at this section: the page can scroll it to the top only once the long text is there.
  useEffect(() => {
    if (show && texts !== undefined) document.getElementById('help-licences')?.scrollIntoView({ block: 'start' });
  }, [show, texts]);
  return (
    <section className="help-licences" aria-labelledby="help-licences">
      <h2 id="help-licences" tabIndex={-1}>
        {t('help.licences.heading')}
      </h2>
      {info.kind === 'ready' && <p>{t('help.licences.version', { version: info.data.version })}</p>}
      <p>{t('help.licences.intro')}</p>
      {!wanted && (
        <button type="button" className="button" onClick={() => setAsked(true)}>
          {t('help.licences.show')}
        </button>
      )}
      {wanted && texts === undefined && <p aria-busy="true">{t('loading')}</p>}
      {texts === 'missing' && <p role="alert">{t('help.licences.missing')}</p>}
      {texts !== undefined && texts !== 'missing' && (
        <pre className="licences-text" tabIndex={0} aria-label={t('help.licences.heading')}>
          {texts.text}
        </pre>
      )}
    </section>
  );
}

import { useMemo, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApiError } from '../../core/api/result';
import type { AttachmentMeta } from '../../core/model/assessment';
import { addAttachment, call } from '../api';
import { useErrorText } from '../components/ErrorMessage';
import { formatBytes, formatDateTime } from '../format';
import { applyResponsePatch } from '../workspace/apply';
import { useWorkspace } from '../workspace/context';
import { bytesOfBase64, maxAttachmentBytes, openBase64 } from './readFile';
import { useStateFor } from './useStateFor';

type Message = { kind: 'status'; text: string } | { kind: 'error'; text: string };

/** Evidence files: copied into the store under their SHA-256, listed with name and size, openable, removable. */
export function AttachmentsPanel({ indicatorId, number }: { indicatorId: string; number: string }) {
  const { t, i18n } = useTranslation();
  const errorText = useErrorText();
  const { assessment, readOnly, assessor, update, offerUndo } = useWorkspace();
  const [messages, setMessages] = useStateFor<Message[]>(indicatorId, []);
  const [busy, setBusy] = useStateFor(indicatorId, false);
  const ids = assessment.responses[indicatorId]?.attachmentIds ?? [];
  const files = ids.map((id) => assessment.attachments.find((a) => a.id === id)).filter((a): a is AttachmentMeta => a !== undefined);
  const by = assessor.trim() || undefined;
  const maxSize = useMemo(() => formatBytes(maxAttachmentBytes, i18n.language), [i18n.language]);
  const failed = (name: string, error: ApiError) => ({ kind: 'error' as const, text: t('attachments.failed', { name, message: errorText(error) }) });

  const added = (meta: AttachmentMeta) =>
    update((a) => {
      const response = applyResponsePatch(a.responses[indicatorId], {});
      return {
        ...a,
        attachments: [...a.attachments.filter((x) => x.id !== meta.id), meta],
        responses: { ...a.responses, [indicatorId]: { ...response, attachmentIds: [...response.attachmentIds.filter((x) => x !== meta.id), meta.id] } },
      };
    });

  const add = async (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = '';
    if (chosen.length === 0) return;
    setBusy(true);
    const result: Message[] = [];
    for (const file of chosen) {
      if (file.size > maxAttachmentBytes) {
        result.push({ kind: 'error', text: t('attachments.tooLarge', { name: file.name, size: formatBytes(file.size, i18n.language), max: maxSize }) });
        continue;
      }
      setMessages([...result, { kind: 'status', text: t('attachments.adding', { name: file.name }) }]);
      let bytes: Uint8Array<ArrayBuffer>;
      try {
        bytes = new Uint8Array(await file.arrayBuffer());
      } catch {
        result.push({ kind: 'error', text: t('attachments.unreadable', { name: file.name }) });
        continue;
      }
      const saved = await addAttachment({ id: assessment.id, indicatorId, fileName: file.name, mediaType: file.type, ...(by ? { by } : {}) }, bytes);
      if (saved.ok) {
        added(saved.data);
        result.push({ kind: 'status', text: t('attachments.added', { name: file.name }) });
      } else result.push(failed(file.name, saved.error));
    }
    setMessages(result);
    setBusy(false);
  };

  const open = async (meta: AttachmentMeta) => {
    const file = await call('getAttachment', { id: assessment.id, attachmentId: meta.id });
    if (file.ok) openBase64(file.data.fileName, file.data.mediaType, file.data.contentBase64);
    else setMessages([failed(meta.fileName, file.error)]);
  };

  const remove = async (meta: AttachmentMeta) => {
    const removed = await call('removeAttachment', { id: assessment.id, indicatorId, attachmentId: meta.id, by });
    if (!removed.ok) return setMessages([failed(meta.fileName, removed.error)]);
    update((a) => {
      const response = a.responses[indicatorId];
      return response ? { ...a, responses: { ...a.responses, [indicatorId]: { ...response, attachmentIds: response.attachmentIds.filter((x) => x !== meta.id) } } } : a;
    });
    setMessages([{ kind: 'status', text: t('attachments.removed', { name: meta.fileName }) }]);
    // The store keeps the file under its digest after removal: undo attaches those same bytes again.
    offerUndo({ message: t('undo.attachmentRemoved', { name: meta.fileName, number }), undo: () => restore(meta) });
    document.getElementById('attach-input')?.focus();
  };

  const restore = async (meta: AttachmentMeta) => {
    const file = await call('getAttachment', { id: assessment.id, attachmentId: meta.id });
    const saved = file.ok ? await addAttachment({ id: assessment.id, indicatorId, fileName: meta.fileName, mediaType: meta.mediaType, ...(by ? { by } : {}) }, bytesOfBase64(file.data.contentBase64)) : file;
    if (!saved.ok) return setMessages([failed(meta.fileName, saved.error)]);
    added(saved.data);
    setMessages([{ kind: 'status', text: t('attachments.restored', { name: meta.fileName }) }]);
  };

  return (
    <section className="attachments" aria-labelledby="attachments-heading">
      <h3 id="attachments-heading">{t('attachments.heading', { count: files.length })}</h3>
      {files.length === 0 ? (
        <p className="muted">{t('attachments.none')}</p>
      ) : (
        <ul className="file-list">
          {files.map((meta) => (
            <li key={meta.id} className="file-item">
              <span className="file-name">{meta.fileName}</span>
              <span className="muted">
                {formatBytes(meta.size, i18n.language)} · {t('attachments.addedBy', { by: meta.addedBy, at: formatDateTime(meta.addedAt, i18n.language) })}
              </span>
              <span className="file-actions">
                <button type="button" className="button button-small" onClick={() => void open(meta)}>
                  {t('attachments.open')}
                  <span className="sr-only"> {meta.fileName}</span>
                </button>
                {!readOnly && (
                  <button type="button" className="button button-small button-quiet" onClick={() => void remove(meta)}>
                    {t('attachments.remove')}
                    <span className="sr-only"> {meta.fileName}</span>
                  </button>
                )}
              </span>
            </li>
          ))}
        </ul>
      )}
      {!readOnly && (
        <label className={`button button-small file-button ${busy ? 'is-busy' : ''}`}>
          + {t('attachments.add')}
          <input id="attach-input" type="file" multiple className="visually-hidden-input" disabled={busy} aria-describedby="attach-hint" onChange={(e) => void add(e)} />
        </label>
      )}
      {!readOnly && (
        <p id="attach-hint" className="field-hint">
          {t('attachments.hint', { max: maxSize })}
        </p>
      )}
      <div role="status" className="attach-messages">
        {messages.map((m, i) => (
          <p key={i} className={m.kind === 'error' ? 'field-error' : 'muted'}>
            {m.text}
          </p>
        ))}
      </div>
    </section>
  );
}

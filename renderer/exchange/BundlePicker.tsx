import { useId, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isBundleName, readBundleFile, type PendingFile } from './pending';
import './exchange.css';

/** Dragging files over an element: what it needs to accept a dropped .ccat file. */
export function useBundleDrop(onFile: (file: PendingFile) => void) {
  const [active, setActive] = useState(false);
  const hasFiles = (event: DragEvent) => event.dataTransfer.types.includes('Files');
  return {
    active,
    handlers: {
      onDragOver: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        event.dataTransfer.dropEffect = 'copy';
        setActive(true);
      },
      onDragLeave: (event: DragEvent) => {
        if (event.currentTarget.contains(event.relatedTarget as Node | null)) return;
        setActive(false);
      },
      onDrop: (event: DragEvent) => {
        if (!hasFiles(event)) return;
        event.preventDefault();
        setActive(false);
        const file = Array.from(event.dataTransfer.files).find((f) => isBundleName(f.name)) ?? event.dataTransfer.files[0];
        if (file) void readBundleFile(file).then(onFile);
      },
    },
  };
}

/** Choose a .ccat file with the file dialog or drop it here. */
export function BundlePicker({ onFile }: { onFile: (file: PendingFile) => void }) {
  const { t } = useTranslation();
  const id = useId();
  const drop = useBundleDrop(onFile);
  return (
    <div className="drop-zone" data-active={drop.active} {...drop.handlers}>
      <label htmlFor={`${id}-file`} className="field-label">
        {t('exchange.picker.label')}
      </label>
      <input
        id={`${id}-file`}
        type="file"
        accept=".ccat,application/vnd.ccat.bundle"
        aria-describedby={`${id}-hint`}
        onChange={(event) => {
          const file = event.target.files?.[0];
          if (file) void readBundleFile(file).then(onFile);
        }}
      />
      <p id={`${id}-hint`} className="field-hint">
        {t('exchange.picker.hint')}
      </p>
    </div>
  );
}

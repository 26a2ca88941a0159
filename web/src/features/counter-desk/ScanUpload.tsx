import { useRef, useState } from 'react';
import { ApiError } from '../../shared/api/client.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { describeError } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Button, Progress } from '../../shared/ui/ui.tsx';
import { deskMessages } from './messages.ts';
import { formatSize, SCAN_ACCEPT, scanRefusal } from './scan-file.ts';
import { StorageError, type UploadStage, uploadScan } from './upload.ts';

interface Item {
  readonly id: number;
  readonly file: File;
  readonly stage: UploadStage | 'done' | 'failed';
  readonly fraction: number;
  readonly reason?: string;
}

/** "Tải bản quét": scans of the dossier's documents, each with its progress and outcome. */
export function ScanUpload({ code, district }: { code: string; district: string | undefined }) {
  const t = useT(deskMessages);
  const tc = useT(common);
  const [items, setItems] = useState<Item[]>([]);
  const nextId = useRef(0);
  // One upload at a time: a ward PC on a shared line does better finishing files one by one.
  const chain = useRef<Promise<void>>(Promise.resolve());

  const patch = (id: number, change: Partial<Item>) =>
    setItems((list) => list.map((item) => (item.id === id ? { ...item, ...change } : item)));

  const reasonOf = (error: unknown): string => {
    if (error instanceof StorageError) return t('scanStorage', { status: error.status });
    if (error instanceof ApiError && error.status === 422)
      return t('scanRejected', { reason: error.message });
    return describeError(error, tc);
  };

  const upload = (id: number, file: File) => {
    const refusal = scanRefusal(file);
    if (refusal) {
      const key = refusal === 'type' ? 'scanType' : refusal === 'empty' ? 'scanEmpty' : 'scanTooLarge';
      patch(id, { stage: 'failed', reason: t(key) });
      return;
    }
    chain.current = chain.current.then(async () => {
      try {
        await uploadScan(code, file, district, (stage, fraction) => patch(id, { stage, fraction }));
        patch(id, { stage: 'done', fraction: 1 });
      } catch (error) {
        patch(id, { stage: 'failed', reason: reasonOf(error) });
      }
    });
  };

  const add = (files: FileList | null) => {
    for (const file of files ?? []) {
      nextId.current += 1;
      const id = nextId.current;
      setItems((list) => [...list, { id, file, stage: 'preparing', fraction: 0 }]);
      upload(id, file);
    }
  };

  const stateText = (item: Item): string => {
    switch (item.stage) {
      case 'preparing':
        return t('scanPreparing');
      case 'uploading':
        return t('scanUploading', { percent: Math.round(item.fraction * 100) });
      case 'checking':
        return t('scanChecking');
      case 'done':
        return t('scanDone');
      case 'failed':
        return t('scanFailed', { reason: item.reason ?? '' });
    }
  };

  return (
    <section className="card stack scans" aria-labelledby="scans-heading">
      <h2 id="scans-heading">{t('scansHeading')}</h2>
      <p className="muted scans-intro">{t('scansIntro')}</p>
      <div className="file-pick">
        {/* The native picker's own words follow the browser's language; this button speaks Vietnamese. */}
        <input
          id="scan-files"
          className="visually-hidden"
          type="file"
          multiple
          accept={SCAN_ACCEPT}
          onChange={(e) => {
            add(e.target.files);
            // The same file may be chosen again after a failure.
            e.target.value = '';
          }}
        />
        <label htmlFor="scan-files" className="btn btn-secondary">
          {t('scansPick')}
        </label>
      </div>
      {items.length ? (
        <ul className="scan-list" aria-label={t('scanList')}>
          {items.map((item) => (
            <li key={item.id} className={`scan scan-${item.stage}`}>
              <div className="scan-head">
                <span className="scan-name">{item.file.name}</span>
                <span className="muted">{formatSize(item.file.size)}</span>
              </div>
              <Progress
                value={item.stage === 'done' ? 1 : item.fraction}
                label={t('scanProgress', { name: item.file.name })}
              />
              <div className="scan-foot">
                <span className={item.stage === 'failed' ? 'field-error' : 'scan-state'} role="status">
                  {stateText(item)}
                </span>
                {item.stage === 'failed' && !scanRefusal(item.file) ? (
                  <Button
                    variant="secondary"
                    aria-label={t('scanRetry', { name: item.file.name })}
                    onClick={() => {
                      patch(item.id, { stage: 'preparing', fraction: 0, reason: undefined });
                      upload(item.id, item.file);
                    }}
                  >
                    {tc('retry')}
                  </Button>
                ) : null}
              </div>
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}

import { type FormEvent, useEffect, useRef, useState } from 'react';
import { useSearchParams } from 'react-router';
import { ApiError, api } from '../../shared/api/client.ts';
import type { PublicDossier } from '../../shared/api/types.ts';
import { useT } from '../../shared/i18n/i18n.tsx';
import { ErrorMessage } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Alert, Button, Field, Loading, PageTitle } from '../../shared/ui/ui.tsx';
import { districtOfCode, loadUnits, normaliseCode } from '../../shared/units.ts';
import { useLoad } from '../../shared/use-load.ts';
import { LookupResult } from './LookupResult.tsx';
import { normaliseKey, type ScannedLookup } from './lookup.ts';
import { lookupMessages } from './lookup-messages.ts';
import { QrScanner } from './QrScanner.tsx';
import './public.css';

interface Query {
  readonly code: string;
  readonly key: string;
}

interface Looked {
  readonly query: Query;
  readonly dossier: PublicDossier;
  readonly checkedAt: Date;
}

/** Each district has its own API: the code's agency prefix says which one holds the dossier. */
async function lookUp(query: Query, signal: AbortSignal): Promise<Looked> {
  const district = districtOfCode(query.code, await loadUnits());
  // No ward issues this prefix, so no district has the dossier: the same answer as a wrong key.
  if (!district) throw new ApiError(404, 'not_found', 'no ward issues this code');
  const dossier = await api<PublicDossier>(`/v1/public/dossiers/${encodeURIComponent(query.code)}`, {
    query: { key: query.key },
    district,
    signal,
  });
  return { query, dossier, checkedAt: new Date() };
}

function queryOf(code: string, key: string): Query | undefined {
  const c = normaliseCode(code);
  const k = normaliseKey(key);
  return c && k ? { code: c, key: k } : undefined;
}

/**
 * "Tra cứu hồ sơ": the citizen's code and key from the receipt. The receipt's QR code opens this
 * page as `/lookup?code=…&key=…`, which looks the dossier up at once.
 */
export default function LookupPage() {
  const t = useT(lookupMessages);
  const tc = useT(common);
  const [params] = useSearchParams();
  const [code, setCode] = useState(() => params.get('code') ?? '');
  const [key, setKey] = useState(() => params.get('key') ?? '');
  const [errors, setErrors] = useState<{ code?: string; key?: string }>({});
  const [notice, setNotice] = useState<string>();
  const [query, setQuery] = useState(() => queryOf(params.get('code') ?? '', params.get('key') ?? ''));
  const keyInput = useRef<HTMLInputElement>(null);
  const resultHeading = useRef<HTMLHeadingElement>(null);
  const looked = useLoad(async (signal) => (query ? lookUp(query, signal) : undefined), [query]);

  const current = looked.data && looked.data.query === query ? looked.data : undefined;
  const notFound = looked.error instanceof ApiError && looked.error.status === 404;

  // A new answer takes the reader to it; a refresh of the same one leaves focus on "Làm mới".
  const shownQuery = current?.query;
  useEffect(() => {
    if (shownQuery) resultHeading.current?.focus();
  }, [shownQuery]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setNotice(undefined);
    const next = {
      ...(code.trim() ? {} : { code: t('codeRequired') }),
      ...(key.trim() ? {} : { key: t('keyRequired') }),
    };
    setErrors(next);
    const q = queryOf(code, key);
    if (q) setQuery(q);
  };

  const scanned = (result: ScannedLookup) => {
    setErrors({});
    setCode(result.code);
    if (result.key) {
      setKey(result.key);
      setNotice(undefined);
      setQuery({ code: result.code, key: result.key });
    } else {
      setNotice(t('scannedCodeOnly'));
      keyInput.current?.focus();
    }
  };

  return (
    <div className="stack public-page lookup-page">
      <PageTitle>{t('title')}</PageTitle>
      <p className="public-intro">{t('intro')}</p>
      <form className="card stack" onSubmit={submit} noValidate>
        <div className="lookup-fields">
          <Field label={t('code')} hint={t('codeHint')} error={errors.code}>
            {(props) => (
              <input
                {...props}
                value={code}
                onChange={(e) => setCode(e.target.value)}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
              />
            )}
          </Field>
          <Field label={t('key')} hint={t('keyHint')} error={errors.key}>
            {(props) => (
              <input
                {...props}
                ref={keyInput}
                value={key}
                onChange={(e) => setKey(e.target.value)}
                autoComplete="off"
                autoCapitalize="characters"
                spellCheck={false}
              />
            )}
          </Field>
        </div>
        <div className="row">
          <Button type="submit" busy={Boolean(query) && looked.loading && !current}>
            {t('submit')}
          </Button>
          <QrScanner onScanned={scanned} />
        </div>
        {notice ? <Alert kind="info">{notice}</Alert> : null}
      </form>
      {notFound ? (
        <Alert>
          <span>
            <strong>{t('notFound')}</strong>
            <br />
            {t('notFoundHint')}
          </span>
        </Alert>
      ) : null}
      {looked.error && !notFound ? <ErrorMessage error={looked.error} onRetry={looked.reload} /> : null}
      {query && looked.loading && !current && !looked.error ? <Loading label={tc('loading')} /> : null}
      {current && !notFound ? (
        <LookupResult
          dossier={current.dossier}
          checkedAt={current.checkedAt}
          refreshing={looked.loading}
          onRefresh={looked.reload}
          headingRef={resultHeading}
        />
      ) : null}
    </div>
  );
}

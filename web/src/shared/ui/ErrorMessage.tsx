import { ApiError, NetworkError } from '../api/client.ts';
import { useT } from '../i18n/i18n.tsx';
import { common } from './messages.ts';
import { Alert, Button } from './ui.tsx';

/** An error from the API in plain words, with a retry when there is something to retry. */
export function ErrorMessage({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const t = useT(common);
  return (
    <Alert>
      <span>{describeError(error, t)}</span>
      {onRetry ? (
        <Button variant="secondary" onClick={onRetry}>
          {t('retry')}
        </Button>
      ) : null}
    </Alert>
  );
}

/** The sentence for an error, by its HTTP status. */
export function describeError(error: unknown, t: ReturnType<typeof useT<keyof typeof common.vi>>): string {
  if (error instanceof NetworkError) return t('networkError');
  if (error instanceof ApiError) {
    if (error.status === 401) return t('unauthenticated');
    if (error.status === 403) return t('forbidden');
    if (error.status === 404) return t('notFound');
    if (error.status === 409) return t('conflict');
    if (error.status === 413) return t('tooLarge');
    if (error.status === 400 || error.status === 422) return t('invalid', { message: error.message });
    return t('serverError');
  }
  return t('serverError');
}

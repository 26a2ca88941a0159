import { type FormEvent, useState } from 'react';
import { Navigate, useLocation, useNavigate } from 'react-router';
import { homeOf } from '../../app/paths.ts';
import { ApiError } from '../../shared/api/client.ts';
import { useSession } from '../../shared/auth/session.tsx';
import { useT } from '../../shared/i18n/i18n.tsx';
import { describeError } from '../../shared/ui/ErrorMessage.tsx';
import { common } from '../../shared/ui/messages.ts';
import { Alert, Button, Field, PageTitle } from '../../shared/ui/ui.tsx';
import { loginMessages } from './messages.ts';

/** Staff sign-in; back to the page that asked for it, or the role's home screen. */
export default function LoginPage() {
  const t = useT(loginMessages);
  const tc = useT(common);
  const { session, signIn } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from;
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ username?: string; password?: string; form?: string }>({});
  const [busy, setBusy] = useState(false);

  if (session && !busy) return <Navigate to={from ?? homeOf(session.principal.roles)} replace />;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const next = {
      ...(username.trim() ? {} : { username: t('required', { field: t('username').toLowerCase() }) }),
      ...(password ? {} : { password: t('required', { field: t('password').toLowerCase() }) }),
    };
    setErrors(next);
    if (next.username || next.password) return;
    setBusy(true);
    try {
      const signedIn = await signIn(username.trim(), password);
      navigate(from ?? homeOf(signedIn.principal.roles), { replace: true });
    } catch (error) {
      const wrong = error instanceof ApiError && error.status === 401;
      const challenge = error instanceof ApiError && error.code === 'challenge';
      setErrors({ form: challenge ? t('challenge') : wrong ? t('wrong') : describeError(error, tc) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="narrow">
      <PageTitle>{t('title')}</PageTitle>
      <p>{t('intro')}</p>
      <form onSubmit={submit} noValidate className="stack">
        {errors.form ? <Alert>{errors.form}</Alert> : null}
        <Field label={t('username')} error={errors.username}>
          {(props) => (
            <input
              {...props}
              name="username"
              autoComplete="username"
              autoCapitalize="none"
              spellCheck={false}
              value={username}
              onChange={(e) => setUsername(e.target.value)}
            />
          )}
        </Field>
        <Field label={t('password')} error={errors.password}>
          {(props) => (
            <input
              {...props}
              name="password"
              type="password"
              autoComplete="current-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
            />
          )}
        </Field>
        <Button type="submit" busy={busy}>
          {t('submit')}
        </Button>
      </form>
    </section>
  );
}

import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';
import { setBearer } from '../api/client.ts';
import { type Session, sessionOf } from './principal.ts';
import { signIn } from './sign-in.ts';

const STORAGE_KEY = 'motcua.session';

interface SessionContext {
  readonly session: Session | undefined;
  signIn(username: string, password: string): Promise<Session>;
  signOut(): void;
}

const Context = createContext<SessionContext | undefined>(undefined);

function stored(): Session | undefined {
  try {
    const token = sessionStorage.getItem(STORAGE_KEY);
    const session = token ? sessionOf(token) : undefined;
    return session && session.expiresAt > Date.now() ? session : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The signed-in user. The token lives in sessionStorage: it survives a reload of the tab but not
 * closing it, so a shared ward PC does not keep the last clerk signed in.
 */
export function SessionProvider({ children }: { children: ReactNode }) {
  const [session, setSession] = useState<Session | undefined>(() => {
    const s = stored();
    setBearer(s?.token);
    return s;
  });

  const signOut = useCallback(() => {
    try {
      sessionStorage.removeItem(STORAGE_KEY);
    } catch {
      // Nothing stored.
    }
    setBearer(undefined);
    setSession(undefined);
  }, []);

  useEffect(() => {
    setBearer(session?.token, signOut);
    if (!session) return;
    const timer = setTimeout(signOut, Math.max(0, session.expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [session, signOut]);

  const doSignIn = useCallback(
    async (username: string, password: string) => {
      const token = await signIn(username, password);
      const next = sessionOf(token);
      if (!next) throw new Error('the token has no one-stop roles');
      try {
        sessionStorage.setItem(STORAGE_KEY, token);
      } catch {
        // Private mode: signed in for this page only.
      }
      setBearer(next.token, signOut);
      setSession(next);
      return next;
    },
    [signOut],
  );

  const value = useMemo(() => ({ session, signIn: doSignIn, signOut }), [session, doSignIn, signOut]);
  return <Context.Provider value={value}>{children}</Context.Provider>;
}

export function useSession(): SessionContext {
  const context = useContext(Context);
  if (!context) throw new Error('useSession outside SessionProvider');
  return context;
}

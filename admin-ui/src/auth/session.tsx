import { useQuery, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { createContext, useCallback, useContext, useEffect, useMemo, type ReactNode } from 'react';
import { api, ApiError, onUnauthorized, setCsrfToken } from '../api/client';

/** The signed-in HireBridge user, as GET /api/v1/auth/session returns it. */
export interface SessionUser {
  readonly id: string;
  readonly email: string;
  readonly name: string;
  readonly role: 'admin' | 'inbox' | 'viewer';
  readonly mayManageInbox: boolean;
}

export interface SessionAnswer {
  readonly user: SessionUser;
  readonly csrfToken: string;
}

interface SessionContextValue {
  /** undefined while loading; null when nobody is signed in. */
  readonly user: SessionUser | null | undefined;
  readonly isAdmin: boolean;
  /** Admins and viewers see the admin pages; a viewer reads them and changes nothing. */
  readonly mayReadAdmin: boolean;
  /** False for a viewer: every control that changes something is hidden or disabled for them. */
  readonly mayChange: boolean;
  /** After sign-in, setup or accepting an invite: the server's answer becomes the session. */
  readonly signedIn: (answer: SessionAnswer) => void;
  readonly signOut: () => Promise<void>;
}

const SessionContext = createContext<SessionContextValue | undefined>(undefined);
const SESSION_KEY = ['session'];

async function loadSession(): Promise<SessionAnswer | null> {
  try {
    const answer = await api<SessionAnswer>('/api/v1/auth/session');
    setCsrfToken(answer.csrfToken);
    return answer;
  } catch (err) {
    if (err instanceof ApiError && err.status === 401) {
      setCsrfToken(undefined);
      return null;
    }
    throw err;
  }
}

/**
 * Drops every cached read except the session itself, so nothing one user saw is shown to the next.
 * (Not `client.clear()`: that would also drop the session query the provider observes, leaving it on
 * the old answer until a reload.)
 */
function forgetOtherUsersData(client: QueryClient): void {
  client.removeQueries({ predicate: (query) => query.queryKey[0] !== SESSION_KEY[0] });
}

export function SessionProvider({ children }: { readonly children: ReactNode }) {
  const client = useQueryClient();
  const session = useQuery({ queryKey: SESSION_KEY, queryFn: loadSession, staleTime: Infinity });

  useEffect(
    () =>
      onUnauthorized(() => {
        setCsrfToken(undefined);
        client.setQueryData(SESSION_KEY, null);
      }),
    [client],
  );

  const signedIn = useCallback(
    (answer: SessionAnswer) => {
      setCsrfToken(answer.csrfToken);
      client.setQueryData(SESSION_KEY, answer);
      forgetOtherUsersData(client);
    },
    [client],
  );

  const signOut = useCallback(async () => {
    try {
      await api<void>('/api/v1/auth/logout', { method: 'POST' });
    } finally {
      setCsrfToken(undefined);
      client.setQueryData(SESSION_KEY, null);
      forgetOtherUsersData(client);
    }
  }, [client]);

  const user = session.data === undefined ? undefined : (session.data?.user ?? null);
  const value = useMemo<SessionContextValue>(
    () => ({
      user,
      isAdmin: user?.role === 'admin',
      mayReadAdmin: user?.role === 'admin' || user?.role === 'viewer',
      mayChange: user?.role !== 'viewer',
      signedIn,
      signOut,
    }),
    [user, signedIn, signOut],
  );
  if (session.isError) {
    return (
      <main className="centered">
        <p role="alert">HireBridge could not be reached: {session.error.message}</p>
      </main>
    );
  }
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession outside SessionProvider');
  return value;
}

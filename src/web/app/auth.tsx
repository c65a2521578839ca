import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ApiError, setCsrfToken, type Envelope } from './api-client';

export type Role = 'admin' | 'officer' | 'manager' | 'applicant' | 'expert' | 'analyst';

export interface Me {
  user: { id: string; email: string; name: string; role: Role; locale: 'nl' | 'en'; clusterIds: string[] };
  csrfToken: string | null;
  /** 'second_factor': the authenticator code is awaited; 'enrolment': the second factor must be set up. */
  signInStage: 'complete' | 'second_factor' | 'enrolment';
  mandates: string[];
}

export const meQueryKey = ['auth', 'me'];

/** The signed-in user, or null when nobody is signed in. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: async (): Promise<Me | null> => {
      try {
        const { data } = await api.get<Me>('/api/auth/me');
        setCsrfToken(data.csrfToken);
        return data;
      } catch (error) {
        if (error instanceof ApiError && error.status === 401) {
          setCsrfToken(null);
          return null;
        }
        throw error;
      }
    },
    staleTime: 60_000,
    retry: false,
  });
}

export function useLogin() {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: { email: string; password: string }) => api.post<Me>('/api/auth/login', body),
    onSuccess: ({ data }) => {
      setCsrfToken(data.csrfToken);
      client.setQueryData(meQueryKey, data);
    },
  });
}

/** How one can sign in here: the identity providers (a button each) and whether passwords are on. */
export interface SignInOptions {
  localLogin: boolean;
  providers: { id: string; label: string; startUrl: string }[];
}

export function useSignInOptions() {
  return useQuery({
    queryKey: ['auth', 'sign-in-options'],
    queryFn: async () => (await api.get<SignInOptions>('/api/auth/oidc/providers')).data,
    staleTime: 300_000,
  });
}

/**
 * Signs out here; a session from an identity provider then goes on to the provider's end-session
 * page, which ends that session too and comes back to the login page.
 */
export function useLogout() {
  const client = useQueryClient();
  return useMutation({
    // 204 (undefined) for a local session; 200 with the provider's end-session URL for one from a provider.
    mutationFn: () =>
      api.send('POST', '/api/auth/logout') as unknown as Promise<
        Envelope<{ endSessionUrl: string }> | undefined
      >,
    onSuccess: (answer) => {
      if (answer?.data.endSessionUrl) window.location.assign(answer.data.endSessionUrl);
    },
    onSettled: () => {
      setCsrfToken(null);
      client.clear();
      client.setQueryData(meQueryKey, null);
    },
  });
}

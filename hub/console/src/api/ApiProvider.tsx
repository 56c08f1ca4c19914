import { createContext, type ReactNode, useContext } from 'react';
import type { GraphqlClient } from './GraphqlClient.ts';

const ApiContext = createContext<GraphqlClient | undefined>(undefined);

/** Makes `client` the one every `useQuery`, `useMutation` and `useSubscription` below uses. */
export function ApiProvider({ client, children }: { client: GraphqlClient; children: ReactNode }) {
  return <ApiContext.Provider value={client}>{children}</ApiContext.Provider>;
}

/** The signed-in session's API client. */
export function useApi(): GraphqlClient {
  const client = useContext(ApiContext);
  if (!client) throw new Error('useApi outside an ApiProvider');
  return client;
}

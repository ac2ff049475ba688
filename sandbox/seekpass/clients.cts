// OAuth clients the token endpoint knows: the demo client (every scope) and the partners a test
// registers through the control API with only some scopes, as SEEK Pass grants them per partner.
import { SCOPES, type Scope } from './constants.cjs';

export interface Client {
	clientId: string;
	clientSecret: string;
	scopes: readonly Scope[];
}

export function createClientRegistry() {
	const registered = new Map<string, Client>();
	return {
		/** The client with this id: a registered one, or the demo client (all eight scopes). */
		find(clientId: string, demo: { clientId: string; clientSecret: string }): Client | undefined {
			if (clientId === demo.clientId) return { ...demo, scopes: SCOPES };
			return registered.get(clientId);
		},
		/** Adds or replaces a client; the demo client's id is not available. */
		register(client: Client, demoClientId: string): boolean {
			if (client.clientId === demoClientId) return false;
			registered.set(client.clientId, { ...client, scopes: [...new Set(client.scopes)] });
			return true;
		},
		list: () => [...registered.values()],
		reset: () => registered.clear(),
	};
}
export type ClientRegistry = ReturnType<typeof createClientRegistry>;

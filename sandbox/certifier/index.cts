// The Certifier emulator as a ServiceModule. A factory, so that two sandboxes in one
// process (parallel test files) never share state.
import type { ModuleOf } from '../core/types.cjs';
import { registerControl } from './control.cjs';
import { errorBody } from './errors.cjs';
import { registerRoutes } from './routes.cjs';
import { CERTIFIER, type CertifierContext } from './service.cjs';
import { CertifierStore } from './store.cjs';
import { WebhookHub } from './webhooks.cjs';

export type CertifierModule = ModuleOf<typeof CERTIFIER> & {
	errorBody(status: number, code: string, message: string): unknown;
	/** For in-process tests and the demo; the HTTP control API exposes the same. */
	readonly store: CertifierStore;
	readonly webhooks: WebhookHub;
};

export function createCertifierModule(): CertifierModule {
	let ctx: CertifierContext | undefined;
	const store = new CertifierStore(
		() => ctx?.now() ?? new Date(),
		(type, id, extra) => webhooks.emit(type, id, extra),
	);
	const webhooks = new WebhookHub(() => ctx, store.newId);
	return {
		...CERTIFIER,
		store,
		webhooks,
		routes(app, c) {
			ctx = c;
			registerRoutes(app, c, store);
		},
		control(app, c) {
			ctx = c;
			registerControl(app, c, store, webhooks);
		},
		reset() {
			store.reset();
			webhooks.reset();
		},
		// Certifier access tokens are made in the vendor's dashboard and do not expire.
		expireTokens() {},
		summary: () => ({
			...store.summary(),
			webhookEndpoints: webhooks.endpoints.length,
			webhookEvents: webhooks.events.length,
		}),
		errorBody,
	};
}

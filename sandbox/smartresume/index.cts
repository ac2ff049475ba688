// The SmartResume (CredentialConnect) emulator as a ServiceModule. A factory, so that two
// sandboxes in one process never share state.
import type { ModuleOf } from '../core/types.cjs';
import { ACHIEVEMENT_TYPES } from './constants.cjs';
import { registerControl } from './control.cjs';
import { errorBody } from './imsx.cjs';
import { registerRoutes } from './routes.cjs';
import { SMART_RESUME, type SmartResumeContext } from './service.cjs';
import { SmartResumeStore } from './store.cjs';
import { TokenStore } from './tokens.cjs';

export { ACHIEVEMENT_TYPES };

export type SmartResumeModule = ModuleOf<typeof SMART_RESUME> & {
	errorBody(status: number, code: string, message: string): unknown;
	readonly store: SmartResumeStore;
	readonly tokens: TokenStore;
};

export function createSmartResumeModule(): SmartResumeModule {
	let ctx: SmartResumeContext | undefined;
	const now = () => ctx?.now() ?? new Date();
	const store = new SmartResumeStore(now);
	const tokens = new TokenStore();
	return {
		...SMART_RESUME,
		store,
		tokens,
		routes(app, c) {
			ctx = c;
			registerRoutes(app, c, store, tokens);
		},
		control(app, c) {
			ctx = c;
			registerControl(app, c, store);
		},
		reset() {
			store.reset();
			tokens.reset();
		},
		expireTokens: () => tokens.expireAll(),
		summary: () => ({
			...store.summary(),
			tokens: tokens.summary(now(), ctx?.switches.tokenTtlSeconds ?? 0),
		}),
		errorBody,
	};
}

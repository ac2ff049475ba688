// The SEEK Pass emulator as a sandbox ServiceModule.
import type { ModuleOf } from '../core/types.cjs';
import { PATHS } from './constants.cjs';
import { seekPassControl } from './control.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { seekPassError, seekPassErrorBody } from './errors.cjs';
import { holderPages } from './pages.cjs';
import { createClientRegistry } from './clients.cjs';
import { addRoutes } from './routes-add.cjs';
import { batchRoutes } from './routes-batch.cjs';
import { statusRoutes } from './routes-status.cjs';
import { tokenRoutes } from './routes-token.cjs';
import { uploadRoutes } from './routes-uploads.cjs';
import { verifyRoutes } from './routes-verify.cjs';
import { webhookRoutes } from './routes-webhooks.cjs';
import { SEEK_PASS, type SeekPassContext } from './service.cjs';
import { createSeekPassState } from './state.cjs';
import { createTokenIssuer } from './tokens.cjs';
import { createUploadSigner } from './uploads.cjs';

export type SeekPassModule = ModuleOf<typeof SEEK_PASS>;

/** A fresh emulator with its own state (use one per sandbox when several share a process). */
export function createSeekPassModule(): SeekPassModule {
	const state = createSeekPassState();
	const issuer = createTokenIssuer();
	const clients = createClientRegistry();
	const signer = createUploadSigner();
	const deps = (ctx: SeekPassContext): SeekPassDeps => ({ ctx, state, issuer, clients, signer });

	return {
		...SEEK_PASS,
		routes(app, ctx) {
			const d = deps(ctx);
			// The API speaks JSON (token: form; upload links: raw bytes). Other bodies arrive as Buffers.
			const uploadsPath = `${ctx.servicePath}${PATHS.upload.replace(/:key$/, '')}`;
			app.addHook('preValidation', async (request) => {
				if (
					Buffer.isBuffer(request.body) &&
					request.body.length > 0 &&
					!request.url.startsWith(uploadsPath)
				) {
					throw seekPassError(
						415,
						'unsupported_media_type',
						'The request body must be application/json',
					);
				}
			});
			tokenRoutes(app, d);
			addRoutes(app, d);
			batchRoutes(app, d);
			uploadRoutes(app, d);
			statusRoutes(app, d);
			verifyRoutes(app, d);
			webhookRoutes(app, d);
			holderPages(app, ctx);
		},
		control(app, ctx) {
			seekPassControl(app, deps(ctx));
		},
		reset() {
			state.reset();
			clients.reset();
			issuer.expireAll();
		},
		expireTokens() {
			issuer.expireAll();
		},
		summary() {
			return {
				requests: state.requests.size,
				verifications: state.verifications.size,
				webhooks: state.webhooks.size,
				events: state.events.size,
				liveTokens: issuer.issuedCount(),
				uploads: state.receivedUploads().length,
				clients: clients.list().length,
			};
		},
		errorBody(_status: number, code: string, message: string) {
			return seekPassErrorBody(code, message);
		},
		isTokenEndpoint(path: string) {
			return path === PATHS.token;
		},
	};
}

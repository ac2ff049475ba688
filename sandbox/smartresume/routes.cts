// The vendor routes under /smartresume: token, push (API), and the browser pages.
import type { FastifyInstance } from 'fastify';
import {
	CLAIM_PATH,
	CREDENTIALS_PATH,
	DEFAULT_SCOPES,
	IMPORT_COMPLETE_PATH,
	MESSAGES,
	PUSH_SCOPE,
	type Scope,
	TOKEN_PATH,
	TOKEN_TYPE,
} from './constants.cjs';
import { imsxError } from './imsx.cjs';
import { formFields } from './form.cjs';
import { claimPage, importCompletePage, notFoundPage } from './pages.cjs';
import { parse, tokenForm } from './schemas.cjs';
import type { SmartResumeContext } from './service.cjs';
import type { SmartResumeStore } from './store.cjs';
import type { TokenStore } from './tokens.cjs';

const METHODS = ['GET', 'POST', 'PUT', 'PATCH', 'DELETE'] as const;

/** [doc] 405 with an Imsx body for a wrong method on a known API path. */
function methodNotAllowed(app: FastifyInstance, url: string, allowed: string[]): void {
	const others = METHODS.filter((m) => !allowed.includes(m));
	app.route({
		method: others,
		url,
		handler: async () => {
			throw imsxError(405, MESSAGES.methodNotAllowed, undefined, { allow: allowed.join(', ') });
		},
	});
}

function basicClient(authorization: string | undefined, ctx: SmartResumeContext): string {
	const encoded = /^Basic\s+(\S+)\s*$/i.exec(authorization ?? '')?.[1];
	const decoded = encoded ? Buffer.from(encoded, 'base64').toString('utf8') : '';
	const split = decoded.indexOf(':');
	const { clientId, accessKey } = ctx.demo;
	if (
		split === -1 ||
		decoded.slice(0, split) !== clientId ||
		decoded.slice(split + 1) !== accessKey
	) {
		throw imsxError(401, MESSAGES.badClient, 'Authorization', {
			'www-authenticate': 'Basic realm="SmartResume"',
		});
	}
	return clientId;
}

export function registerRoutes(
	app: FastifyInstance,
	ctx: SmartResumeContext,
	store: SmartResumeStore,
	tokens: TokenStore,
): void {
	app.post(TOKEN_PATH, async (req, reply) => {
		const clientId = basicClient(req.headers.authorization, ctx);
		const fields = formFields(req);
		if (!fields)
			throw imsxError(
				400,
				'The token request must be a form (application/x-www-form-urlencoded or multipart/form-data)',
			);
		const form = parse(tokenForm, fields);
		const requested = (form.scope ?? '').split(/\s+/).filter(Boolean) as Scope[];
		const scopes = requested.length > 0 ? [...new Set(requested)] : [...DEFAULT_SCOPES];
		const token = tokens.issue(clientId, scopes, ctx.now());
		reply.header('cache-control', 'no-store');
		return {
			access_token: token.value,
			token_type: TOKEN_TYPE,
			expires_in: ctx.switches.tokenTtlSeconds,
			scope: scopes.join(' '),
		};
	});
	methodNotAllowed(app, TOKEN_PATH, ['POST']);

	app.post(CREDENTIALS_PATH, async (req) => {
		const token = tokens.use(req.headers.authorization, ctx.now(), ctx.switches.tokenTtlSeconds);
		if (!token.scopes.includes(PUSH_SCOPE)) throw imsxError(403, MESSAGES.missingScope, 'scope');
		if (!/^application\/([\w.+-]+\+)?json\b/i.test(req.headers['content-type'] ?? '')) {
			throw imsxError(
				400,
				'The body must be JSON (Content-Type: application/json)',
				'Content-Type',
			);
		}
		return store.push(req.body, token.clientId, `${ctx.origin()}${ctx.servicePath}`);
	});
	methodNotAllowed(app, CREDENTIALS_PATH, ['POST']);

	app.get<{ Params: { token: string } }>(`${CLAIM_PATH}/:token`, async (req, reply) => {
		const upload = store.getUpload(req.params.token);
		reply.type('text/html; charset=utf-8');
		if (!upload)
			return reply.code(404).send(notFoundPage('This link is not valid or has expired.'));
		return claimPage(upload);
	});

	app.get<{ Querystring: { state?: string } }>(IMPORT_COMPLETE_PATH, async (req, reply) => {
		const request = store.completeImport(req.query.state ?? '');
		reply.type('text/html; charset=utf-8');
		if (!request) return reply.code(404).send(notFoundPage('Unknown import request.'));
		return importCompletePage(request);
	});
}

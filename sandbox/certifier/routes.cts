// The vendor routes under /certifier: the REST API at /v1 (version header, then bearer
// token, on every request) and the public preview "CDN" at /cdn.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { PNG_BYTES, pdfBytes } from './assets.cjs';
import {
	API_BASE,
	API_VERSION,
	CDN_BASE,
	STATUS_CREATED,
	STATUS_DELETED,
	VERSION_HEADER,
} from './constants.cjs';
import { certifierError } from './errors.cjs';
import {
	createCredentialBody,
	createGroupBody,
	createInteractionBody,
	interactionsQuery,
	listQuery,
	parse,
	patchCredentialBody,
	patchGroupBody,
	searchBody,
	sendCredentialBody,
} from './schemas.cjs';
import type { CertifierContext } from './service.cjs';
import type { CertifierStore } from './store.cjs';

type IdParams = { Params: { id: string } };

function checkVersionThenToken(request: FastifyRequest, ctx: CertifierContext): void {
	// Version first: the vendor answers missing_version without looking at the token.
	const version = request.headers[VERSION_HEADER];
	if (version === undefined || version === '') throw certifierError('missing_version');
	if (version !== API_VERSION) throw certifierError('invalid_version');
	const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.authorization ?? '');
	if (!match || match[1] !== ctx.demo.accessToken) throw certifierError('unauthorized');
}

export function registerRoutes(
	app: FastifyInstance,
	ctx: CertifierContext,
	store: CertifierStore,
): void {
	const previewUrl = (publicId: string, designId: string, format: 'png' | 'pdf') =>
		`${ctx.origin()}${ctx.servicePath}${CDN_BASE}/credentials/${publicId}/${designId}.${format}`;
	const designPreviewUrl = (designId: string) =>
		`${ctx.origin()}${ctx.servicePath}${CDN_BASE}/designs/${designId}.png`;

	void app.register(
		async (api) => {
			api.addHook('onRequest', async (request) => checkVersionThenToken(request, ctx));

			api.get('/credentials', async (req) => {
				const q = parse(listQuery, req.query);
				return store.list(q.cursor, q.limit);
			});
			api.post('/credentials', async (req, reply) => {
				reply.code(STATUS_CREATED);
				return store.create(parse(createCredentialBody, req.body));
			});
			api.post('/credentials/search', async (req) => {
				const b = parse(searchBody, req.body);
				return store.search(b.filter, b.sort, b.cursor ?? undefined, b.limit);
			});
			api.post('/credentials/create-issue-send', async (req, reply) => {
				reply.code(STATUS_CREATED);
				return store.createIssueSend(parse(createCredentialBody, req.body));
			});
			api.get<IdParams>('/credentials/:id', async (req) => store.get(req.params.id));
			api.patch<IdParams>('/credentials/:id', async (req) =>
				store.patch(req.params.id, parse(patchCredentialBody, req.body)),
			);
			api.delete<IdParams>('/credentials/:id', async (req, reply) => {
				store.delete(req.params.id);
				return reply.code(STATUS_DELETED).send();
			});
			api.post<IdParams>('/credentials/:id/issue', async (req) => store.issue(req.params.id));
			api.post<IdParams>('/credentials/:id/send', async (req) => {
				store.get(req.params.id); // 404 before 400, as for any unknown resource
				return store.send(req.params.id, parse(sendCredentialBody, req.body).deliveryMethod);
			});
			api.get<IdParams>('/credentials/:id/designs', async (req) =>
				store.designsOf(req.params.id, previewUrl),
			);

			api.get('/groups', async (req) => {
				const q = parse(listQuery, req.query);
				return store.listGroups(q.cursor, q.limit);
			});
			api.post('/groups', async (req, reply) => {
				reply.code(STATUS_CREATED);
				return store.groupView(store.createGroup(parse(createGroupBody, req.body)));
			});
			api.get<IdParams>('/groups/:id', async (req) =>
				store.groupView(store.getGroup(req.params.id)),
			);
			api.patch<IdParams>('/groups/:id', async (req) =>
				store.groupView(store.patchGroup(req.params.id, parse(patchGroupBody, req.body))),
			);
			api.delete<IdParams>('/groups/:id', async (req, reply) => {
				store.deleteGroup(req.params.id);
				return reply.code(STATUS_DELETED).send();
			});

			api.get('/designs', async (req) => {
				const q = parse(listQuery, req.query);
				return store.listDesigns(q.cursor, q.limit);
			});
			api.get<IdParams>('/designs/:id', async (req) =>
				store.designView(store.getDesign(req.params.id), designPreviewUrl),
			);
			api.get('/attributes', async () => store.attributes);
			api.get('/credential-interactions', async (req) => {
				const q = parse(interactionsQuery, req.query);
				return store.listInteractions(q.credentialId, q.cursor, q.limit);
			});
			api.post('/credential-interactions', async (req, reply) => {
				const b = parse(createInteractionBody, req.body);
				reply.code(STATUS_CREATED);
				return store.interact(b.credentialId, b.eventType);
			});
		},
		{ prefix: API_BASE },
	);

	app.get<{ Params: { file: string } }>(`${CDN_BASE}/designs/:file`, async (req, reply) => {
		const m = /^(\w+)\.png$/.exec(req.params.file);
		if (!m || !store.designs.has(m[1])) throw certifierError('not_found');
		return reply.type('image/png').send(PNG_BYTES);
	});

	// Public like a CDN: no version header, no token; URLs die with their credential.
	app.get<{ Params: { publicId: string; file: string } }>(
		`${CDN_BASE}/credentials/:publicId/:file`,
		async (req, reply) => {
			const m = /^(\w+)\.(png|pdf)$/.exec(req.params.file);
			const c = store.findByPublicId(req.params.publicId);
			if (!m || !c || !store.getGroup(c.groupId).designIds.includes(m[1]))
				throw certifierError('not_found');
			reply.header('cache-control', 'public, max-age=31536000, immutable');
			if (m[2] === 'png') return reply.type('image/png').send(PNG_BYTES);
			return reply
				.type('application/pdf')
				.send(pdfBytes(`${store.getGroup(c.groupId).name} - ${c.recipient.name}`));
		},
	);
}

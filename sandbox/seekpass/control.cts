// SEEK Pass control routes (under /_control/seekpass): play the holder, inspect state and
// received uploads, register partners holding some scopes, and drive webhook deliveries
// (redeliver, or send a crafted/tampered one).
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { SandboxHttpError } from '../core/types.cjs';
import { DEMO_VERIFIED_CREDENTIAL } from './constants.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { fireEvent, sendToWebhook } from './events.cjs';
import {
	clientControlSchema,
	submissionControlSchema,
	verificationControlSchema,
	webhookSendSchema,
} from './schemas.cjs';
import { verificationView, webhookView, type AddRequest } from './state.cjs';

const notFound = (what: string) => new SandboxHttpError(404, 'not_found', `${what} not found`);

export function requestDump(
	req: AddRequest,
	effective: { status: string; finalizedAt: Date | null },
) {
	return {
		content: req.content,
		kind: req.kind,
		api_version: req.apiVersion,
		credential_type: req.credentialType,
		document_type: req.documentType ?? null,
		request_id: req.requestId,
		ids: req.ids,
		client_id: req.clientId,
		redirect_uri: req.redirectUri,
		created_at: req.createdAt.toISOString(),
		status: effective.status,
		finalized_at: effective.finalizedAt?.toISOString() ?? null,
		body: req.body,
		uploads: req.uploads.map((u) => ({
			credential_id: u.credentialId,
			asset_id: u.assetId,
			asset_type: u.assetType,
			content_type: u.contentType,
			expires_at: u.expiresAt.toISOString(),
			received: u.received !== null,
		})),
	};
}

export function seekPassControl(app: FastifyInstance, { ctx, state, clients }: SeekPassDeps): void {
	app.get('/submissions', async () => {
		const now = ctx.now();
		return {
			requests: [...state.requests.values()].map((r) => requestDump(r, state.effective(r, now))),
			/** Per partner id: how many requests it created vs. how many calls were idempotent repeats. */
			history: Object.fromEntries(state.history()),
		};
	});

	// The holder accepts or declines; `:id` is the partner's id or the redirect's content id.
	app.post('/submissions/:id', async (request) => {
		const { id } = request.params as { id: string };
		const { status } = submissionControlSchema.parse(request.body);
		const req = state.requestForIdOrContent(id);
		if (!req) throw notFound(`Submission "${id}"`);
		const now = ctx.now();
		const current = state.effective(req, now);
		if (current.status !== 'incomplete')
			throw new SandboxHttpError(409, 'conflict', `Submission is already ${current.status}`);
		req.status = status;
		req.finalizedAt = now;
		return requestDump(req, state.effective(req, now));
	});

	// Files received on upload links (the bytes themselves are summarised, never listed).
	app.get('/uploads', async () =>
		state.receivedUploads().map((u) => ({
			credential_id: u.credentialId,
			asset_id: u.assetId,
			asset_type: u.assetType,
			content_type: u.contentType,
			bytes: u.received?.bytes.length ?? 0,
			sha256: u.received?.sha256 ?? null,
		})),
	);

	// A partner client holding only the scopes given (the demo client holds all eight).
	app.post('/clients', async (request, reply) => {
		const input = clientControlSchema.parse(request.body);
		const ok = clients.register(
			{ clientId: input.client_id, clientSecret: input.client_secret, scopes: input.scopes },
			ctx.demo.clientId,
		);
		if (!ok)
			throw new SandboxHttpError(409, 'conflict', 'The demo client cannot be registered again');
		return reply.code(201).send({ client_id: input.client_id, scopes: input.scopes });
	});
	app.get('/clients', async () =>
		clients.list().map((c) => ({ client_id: c.clientId, scopes: c.scopes })),
	);

	app.get('/verifications', async () =>
		[...state.verifications.values()].map((v) => ({
			...verificationView(v),
			body: v.body,
			redirect_uri: v.redirectUri,
		})),
	);

	// Completes (or re-opens) a verification and sends its event to every webhook.
	app.post('/verifications/:requestId', async (request) => {
		const { requestId } = request.params as { requestId: string };
		const input = verificationControlSchema.parse(request.body);
		const v = state.verifications.get(requestId);
		if (!v) throw notFound(`Verification request "${requestId}"`);
		v.status = input.status;
		v.credential =
			input.status === 'verified' ? (input.credential ?? { ...DEMO_VERIFIED_CREDENTIAL }) : null;
		v.verifiedAt = input.status === 'verified' ? ctx.now() : null;
		const { event, deliveries } = await fireEvent(ctx, state, requestId, input.status);
		return { verification: verificationView(v), event, deliveries };
	});

	app.get('/webhooks', async () => [...state.webhooks.values()].map((h) => webhookView(h, true)));
	app.get('/events', async () => [...state.events.values()]);

	app.post('/webhooks/:id/redeliver/:eventId', async (request) => {
		const { id, eventId } = request.params as { id: string; eventId: string };
		const hook = state.webhooks.get(id);
		if (!hook) throw notFound(`Webhook "${id}"`);
		const event = state.events.get(eventId);
		if (!event) throw notFound(`Event "${eventId}"`);
		return sendToWebhook(ctx, hook, JSON.stringify(event));
	});

	app.post('/webhooks/:id/send', async (request) => {
		const { id } = request.params as { id: string };
		const input = webhookSendSchema.parse(request.body ?? {});
		const hook = state.webhooks.get(id);
		if (!hook) throw notFound(`Webhook "${id}"`);
		const body =
			typeof input.body === 'string'
				? input.body
				: JSON.stringify(
						input.body ?? {
							event_id: randomUUID(),
							request_id: input.request_id ?? randomUUID(),
							type: input.type ?? 'vwsp_request.verified',
							created_at: ctx.now().toISOString(),
						},
					);
		const result = await sendToWebhook(ctx, hook, body, {
			timestamp: input.timestamp === undefined ? undefined : String(input.timestamp),
			signature: input.signature,
			secret: input.secret,
		});
		return { ...result, body };
	});
}

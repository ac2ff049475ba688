// Test and demo controls under /_control/certifier: what the vendor's dashboard does
// (webhook endpoints, plan) and what a test needs to see or drive (sends, duplicates,
// interactions, bulk fixtures). Bad control input is a ZodError: the core answers it
// in its neutral shape, not the vendor's.
import type { FastifyInstance } from 'fastify';
import { SandboxHttpError, type SandboxContext } from '../core/types.cjs';
import { SEED_GROUP_ID } from './constants.cjs';
import { interactionBody, planBody, seedCredentialsBody, webhookConfigBody } from './schemas.cjs';
import type { CertifierStore } from './store.cjs';
import type { WebhookHub } from './webhooks.cjs';

export function registerControl(
	app: FastifyInstance,
	ctx: SandboxContext,
	store: CertifierStore,
	hub: WebhookHub,
): void {
	app.get('/state', async () => ({
		...store.summary(),
		attributes: store.attributes,
		webhooks: hub.endpoints,
		note: 'Certifier access tokens are static (dashboard-made); expireTokens() leaves them valid.',
	}));
	app.post('/plan', async (req) => {
		store.premium = planBody.parse(req.body ?? {}).premium;
		return { premium: store.premium };
	});

	app.post('/webhooks', async (req, reply) => {
		reply.code(201);
		return hub.addEndpoint(webhookConfigBody.parse(req.body ?? {}), ctx.now());
	});
	app.get('/webhooks', async () => ({ endpoints: hub.endpoints }));
	app.delete('/webhooks', async () => ({ removed: hub.removeEndpoint() }));
	app.delete<{ Params: { id: string } }>('/webhooks/:id', async (req) => {
		const removed = hub.removeEndpoint(req.params.id);
		if (!removed)
			throw new SandboxHttpError(404, 'not_found', `no webhook endpoint ${req.params.id}`);
		return { removed };
	});
	app.get('/webhooks/events', async () => ({
		events: hub.events.map(({ body, ...e }) => ({ ...e, payload: JSON.parse(body) as unknown })),
	}));
	app.post('/webhooks/flush', async () => {
		await hub.flush();
		return { events: hub.events.length };
	});
	app.post<{ Params: { eventId: string } }>('/webhooks/redeliver/:eventId', async (req) => {
		const run = hub.redeliver(req.params.eventId);
		if (!run) throw new SandboxHttpError(404, 'not_found', `no event ${req.params.eventId}`);
		return { eventId: req.params.eventId, deliveries: await run };
	});

	app.post<{ Params: { id: string } }>('/credentials/:id/interactions', async (req, reply) => {
		reply.code(201);
		const b = interactionBody.parse(req.body ?? {});
		return store.interact(req.params.id, b.eventType, b.triggeredBy);
	});
	app.get('/credentials', async () => ({
		data: [...store.credentials.keys()].map((id) => store.get(id)),
		creationsPerRecipientAndGroup: store.duplicates(),
	}));
	app.get('/sends', async () => ({ sends: store.sends }));
	app.post('/seed-credentials', async (req, reply) => {
		const b = seedCredentialsBody.parse(req.body ?? {});
		reply.code(201);
		return store.seed(b.count, b.groupId ?? SEED_GROUP_ID, b.status);
	});
}

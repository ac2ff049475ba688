// Webhook registrations (v2). Create and rotate return the secret; list and get do not.
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { PATHS, WEBHOOK_LIST_INCLUDES_SECRET } from './constants.cjs';
import type { SeekPassDeps } from './deps.cjs';
import { notFound, validationError } from './errors.cjs';
import { webhookCreateSchema, webhookUpdateSchema } from './schemas.cjs';
import { newSecret, webhookView, type Webhook } from './state.cjs';
import { authenticate } from './tokens.cjs';

export function webhookRoutes(app: FastifyInstance, { ctx, state, issuer }: SeekPassDeps): void {
	const find = (id: string): Webhook => {
		const hook = state.webhooks.get(id);
		if (!hook) throw notFound(`Webhook "${id}"`);
		return hook;
	};

	app.post(PATHS.webhooks, async (request, reply) => {
		authenticate(issuer, request, ctx.now());
		const parsed = webhookCreateSchema.safeParse(request.body);
		if (!parsed.success) throw validationError(parsed.error);
		const hook: Webhook = {
			id: randomUUID(),
			name: parsed.data.name ?? null,
			description: parsed.data.description ?? null,
			url: parsed.data.url,
			secret: newSecret(),
			createdAt: ctx.now(),
		};
		state.webhooks.set(hook.id, hook);
		return reply.code(201).send(webhookView(hook, true));
	});

	app.get(PATHS.webhooks, async (request) => {
		authenticate(issuer, request, ctx.now());
		return [...state.webhooks.values()].map((h) => webhookView(h, WEBHOOK_LIST_INCLUDES_SECRET));
	});

	app.get(PATHS.webhook, async (request) => {
		authenticate(issuer, request, ctx.now());
		return webhookView(find((request.params as { id: string }).id), WEBHOOK_LIST_INCLUDES_SECRET);
	});

	app.put(PATHS.webhooks, async (request) => {
		authenticate(issuer, request, ctx.now());
		const parsed = webhookUpdateSchema.safeParse(request.body);
		if (!parsed.success) throw validationError(parsed.error);
		const hook = find(parsed.data.id);
		if (parsed.data.name !== undefined) hook.name = parsed.data.name;
		if (parsed.data.description !== undefined) hook.description = parsed.data.description;
		if (parsed.data.url !== undefined) hook.url = parsed.data.url;
		return webhookView(hook, WEBHOOK_LIST_INCLUDES_SECRET);
	});

	app.put(PATHS.webhookSecret, async (request) => {
		authenticate(issuer, request, ctx.now());
		const hook = find((request.params as { id: string }).id);
		hook.secret = newSecret();
		return webhookView(hook, true);
	});

	app.delete(PATHS.webhook, async (request, reply) => {
		authenticate(issuer, request, ctx.now());
		const { id } = request.params as { id: string };
		find(id);
		state.webhooks.delete(id);
		return reply.code(204).send();
	});
}

// Generic control API under /_control: what tests and the demo use to drive the sandbox
// (reset, switches, token expiry, virtual clock, request log, webhook deliveries).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ConnectionStats } from './connections.cjs';
import { parseSwitchesPatch } from './switches.cjs';
import type { LoggedRequest, RequestFilter, SandboxSwitches, ServiceName, WebhookDelivery } from './types.cjs';

export interface SandboxController {
	reset(): void;
	switches(): SandboxSwitches;
	setSwitches(patch: Partial<SandboxSwitches>): SandboxSwitches;
	expireTokens(service?: ServiceName): ServiceName[];
	advanceClock(ms: number): Date;
	clock(): { now: string; offsetMs: number };
	requests(filter?: RequestFilter): LoggedRequest[];
	clearRequests(): void;
	webhookDeliveries(): WebhookDelivery[];
	clearWebhookDeliveries(): void;
	state(): Record<string, unknown>;
	connections(): ConnectionStats;
	resetConnections(): ConnectionStats;
}

const serviceSchema = z.enum(['seekPass', 'smartResume', 'certifier']);
const expireSchema = z.object({ service: serviceSchema.optional() }).strict();
const advanceSchema = z.object({ ms: z.number().int().min(0) }).strict();
const requestQuerySchema = z.object({
	service: z.enum(['seekPass', 'smartResume', 'certifier', 'control', 'other']).optional(),
	method: z.string().optional(),
	path: z.string().optional(),
});

/** Registered with prefix CONTROL_PREFIX. */
export function controlRoutes(controller: SandboxController) {
	return async (app: FastifyInstance): Promise<void> => {
		app.post('/reset', async () => {
			controller.reset();
			return { ok: true };
		});

		app.get('/switches', async () => controller.switches());
		app.post('/switches', async (request) => controller.setSwitches(parseSwitchesPatch(request.body)));

		app.post('/tokens/expire', async (request) => {
			const { service } = expireSchema.parse(request.body ?? {});
			return { expired: controller.expireTokens(service) };
		});

		app.get('/clock', async () => controller.clock());
		app.post('/clock/advance', async (request) => {
			controller.advanceClock(advanceSchema.parse(request.body).ms);
			return controller.clock();
		});

		app.get('/requests', async (request) => {
			const q = requestQuerySchema.parse(request.query);
			const requests = controller.requests({ service: q.service, method: q.method, pathIncludes: q.path });
			return { count: requests.length, requests };
		});
		app.delete('/requests', async (_request, reply) => {
			controller.clearRequests();
			return reply.code(204).send();
		});

		app.get('/webhooks/deliveries', async () => {
			const deliveries = controller.webhookDeliveries();
			return { count: deliveries.length, deliveries };
		});
		app.delete('/webhooks/deliveries', async (_request, reply) => {
			controller.clearWebhookDeliveries();
			return reply.code(204).send();
		});

		app.get('/state', async () => controller.state());

		// Open connections now / most at once / opened, since the last reset (DELETE starts a new window).
		app.get('/connections', async () => controller.connections());
		app.delete('/connections', async () => controller.resetConnections());
	};
}

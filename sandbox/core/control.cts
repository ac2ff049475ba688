// Generic control API under /_control: what tests and the demo use to drive the sandbox
// (reset, switches, token expiry, virtual clock, request log, webhook deliveries).
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ConnectionStats } from './connections.cjs';
import { parseSwitchesPatch } from './switches.cjs';
import type { LoggedRequest, RequestFilter, SandboxSwitches, WebhookDelivery } from './types.cjs';

/** What the control API drives; `Name`: the hosted services' names. The Sandbox object is one. */
export interface SandboxController<Name extends string = string> {
	/** Drops all service state, the request log, webhook deliveries and the clock offset; switches return to their start values. */
	reset(): void;
	/** The live switches (read-only view; change them with setSwitches). */
	readonly switches: Readonly<SandboxSwitches>;
	setSwitches(patch: Partial<SandboxSwitches>): SandboxSwitches;
	/** Invalidates every token issued so far, for one service or all. */
	expireTokens(service?: Name): Name[];
	advanceClock(ms: number): Date;
	now(): Date;
	clockOffsetMs(): number;
	requests(filter?: RequestFilter<Name>): LoggedRequest<Name>[];
	clearRequests(): void;
	webhookDeliveries(): WebhookDelivery<Name>[];
	clearWebhookDeliveries(): void;
	state(): Record<string, unknown>;
	/** Open TCP connections now, the most at once and how many were opened since the last reset (benchmarks). */
	connections(): ConnectionStats;
	/** Starts a new connection measurement window (reset() does it too); returns the stats before. */
	resetConnections(): ConnectionStats;
}

/** A zod enum of the given names (none: nothing is valid). */
function oneOf(names: readonly string[]) {
	const [first, ...rest] = names;
	return first === undefined ? z.never() : z.enum([first, ...rest]);
}

/** Registered with prefix CONTROL_PREFIX; `services`: the hosted services' names, the only ones requests may name. */
export function controlRoutes(controller: SandboxController, services: readonly string[]) {
	const expireSchema = z.object({ service: oneOf(services).optional() }).strict();
	const advanceSchema = z.object({ ms: z.number().int().min(0) }).strict();
	const requestQuerySchema = z.object({
		service: oneOf([...services, 'control', 'other']).optional(),
		method: z.string().optional(),
		path: z.string().optional(),
	});
	const clock = () => ({
		now: controller.now().toISOString(),
		offsetMs: controller.clockOffsetMs(),
	});

	return async (app: FastifyInstance): Promise<void> => {
		app.post('/reset', async () => {
			controller.reset();
			return { ok: true };
		});

		app.get('/switches', async () => ({ ...controller.switches }));
		app.post('/switches', async (request) =>
			controller.setSwitches(parseSwitchesPatch(request.body)),
		);

		app.post('/tokens/expire', async (request) => {
			const { service } = expireSchema.parse(request.body ?? {});
			return { expired: controller.expireTokens(service) };
		});

		app.get('/clock', async () => clock());
		app.post('/clock/advance', async (request) => {
			controller.advanceClock(advanceSchema.parse(request.body).ms);
			return clock();
		});

		app.get('/requests', async (request) => {
			const q = requestQuerySchema.parse(request.query);
			const requests = controller.requests({
				service: q.service,
				method: q.method,
				pathIncludes: q.path,
			});
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

// startSandbox: one fastify server on one loopback port hosting the three service
// emulators under their prefixes, the switches' hooks, the request log and /_control.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { createServiceModules } from '../modules.cjs';
import { installBodyParsers, BODY_LIMIT_BYTES } from './body-parsers.cjs';
import { createClock } from './clock.cjs';
import { type ConnectionStats, countConnections } from './connections.cjs';
import { controlRoutes, type SandboxController } from './control.cjs';
import { errorBodyResolver, installErrorHandlers } from './errors.cjs';
import { injectedOf, installFaultHooks } from './faults.cjs';
import { logServiceOf, pathOf } from './paths.cjs';
import { createRateLimiter } from './rate-limit.cjs';
import { createRequestLog, loggableBody } from './request-log.cjs';
import { applySwitches, createDemo, createSwitches, parseSwitchesPatch } from './switches.cjs';
import {
	CONTROL_PREFIX,
	SERVICE_PREFIX,
	type DemoCredentials,
	type LoggedRequest,
	type RequestFilter,
	type SandboxContext,
	type SandboxSwitches,
	type ServiceModule,
	type ServiceName,
	type WebhookDelivery,
} from './types.cjs';
import { createWebhookDispatcher } from './webhooks.cjs';

export const SANDBOX_HOST = '127.0.0.1';

export interface SandboxOptions {
	/** 0 (default) picks a free port. */
	port?: number;
	switches?: Partial<SandboxSwitches>;
	demo?: Partial<DemoCredentials>;
	/** Defaults to fresh instances of the three emulators (sandbox/modules.cts createServiceModules). */
	modules?: readonly ServiceModule[];
	/** Called after each request is logged (the CLI prints an access line from it). */
	onRequestLogged?: (entry: LoggedRequest) => void;
}

export interface SandboxUrls {
	seekPass: string;
	smartResume: string;
	/** Includes the API version: .../certifier/v1 */
	certifier: string;
	control: string;
}

export interface Sandbox {
	origin: string;
	port: number;
	urls: SandboxUrls;
	demo: DemoCredentials;
	/** The live switches (read-only view; change them with setSwitches). */
	readonly switches: Readonly<SandboxSwitches>;
	setSwitches(patch: Partial<SandboxSwitches>): SandboxSwitches;
	/** Drops all service state, the request log, webhook deliveries and the clock offset; switches return to their start values. */
	reset(): void;
	/** Invalidates every token issued so far, for one service or all. */
	expireTokens(service?: ServiceName): ServiceName[];
	advanceClock(ms: number): Date;
	now(): Date;
	requests(filter?: RequestFilter): LoggedRequest[];
	clearRequests(): void;
	webhookDeliveries(): WebhookDelivery[];
	clearWebhookDeliveries(): void;
	state(): Record<string, unknown>;
	/** Open TCP connections now, the most at once and how many were opened since the last reset (benchmarks). */
	connections(): ConnectionStats;
	/** Starts a new connection measurement window (reset() does it too); returns the stats before. */
	resetConnections(): ConnectionStats;
	/** The fastify instance, for inject() in tests. */
	app: FastifyInstance;
	close(): Promise<void>;
}

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
	const startSwitches = createSwitches(options.switches);
	const switches = createSwitches(options.switches);
	const demo = createDemo(options.demo);
	const clock = createClock();
	const limiter = createRateLimiter();
	const webhooks = createWebhookDispatcher(() => clock.now());
	const log = createRequestLog(options.onRequestLogged);
	const modules = new Map<ServiceName, ServiceModule>();
	for (const mod of options.modules ?? createServiceModules()) modules.set(mod.name, mod);

	let origin = '';
	const ctx: SandboxContext = {
		origin: () => origin,
		now: () => clock.now(),
		switches,
		demo,
		deliverWebhook: (delivery) => webhooks.deliver(delivery),
	};

	const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, forceCloseConnections: true });
	installBodyParsers(app);
	const bodyFor = errorBodyResolver(modules);
	installErrorHandlers(app, bodyFor);

	const logged = new WeakSet<FastifyRequest>();
	const record = (request: FastifyRequest, status: number): void => {
		if (logged.has(request)) return;
		logged.add(request);
		const path = pathOf(request.url);
		// Reading the log must not grow it.
		if (path === `${CONTROL_PREFIX}/requests`) return;
		log.add({
			service: logServiceOf(path),
			method: request.method,
			path,
			query: { ...(request.query as Record<string, unknown> | undefined) },
			headers: { ...request.headers },
			body: loggableBody(request.body),
			status,
			injected: injectedOf(request),
		});
	};
	app.addHook('onResponse', async (request, reply) => record(request, reply.statusCode));
	installFaultHooks(app, { switches, modules, limiter, bodyFor, onDropped: (request) => record(request, 0) });

	const connections = countConnections(app.server);
	const resetAll = (): void => {
		for (const mod of modules.values()) mod.reset();
		connections.reset();
		log.clear();
		webhooks.clear();
		clock.reset();
		limiter.reset();
		applySwitches(switches, { ...startSwitches, faultKinds: [...startSwitches.faultKinds] });
	};
	const expireTokens = (service?: ServiceName): ServiceName[] => {
		const targets = [...modules.values()].filter((m) => !service || m.name === service);
		for (const mod of targets) mod.expireTokens();
		return targets.map((m) => m.name);
	};
	const setSwitches = (patch: Partial<SandboxSwitches>): SandboxSwitches => {
		applySwitches(switches, parseSwitchesPatch(patch));
		limiter.reset();
		return { ...switches };
	};
	const state = (): Record<string, unknown> => ({
		origin,
		now: clock.now().toISOString(),
		clockOffsetMs: clock.offsetMs(),
		switches: { ...switches },
		services: Object.fromEntries([...modules.values()].map((m) => [m.name, m.summary()])),
		requests: log.size(),
		webhookDeliveries: webhooks.deliveries().length,
	});

	const controller: SandboxController = {
		reset: resetAll,
		switches: () => ({ ...switches }),
		setSwitches,
		expireTokens,
		advanceClock: (ms) => clock.advance(ms),
		clock: () => ({ now: clock.now().toISOString(), offsetMs: clock.offsetMs() }),
		requests: (filter) => log.list(filter),
		clearRequests: () => log.clear(),
		webhookDeliveries: () => webhooks.deliveries(),
		clearWebhookDeliveries: () => webhooks.clear(),
		state,
		connections: () => connections.stats(),
		resetConnections: () => connections.reset(),
	};

	await app.register(controlRoutes(controller), { prefix: CONTROL_PREFIX });
	for (const mod of modules.values()) {
		await app.register(async (scoped) => mod.routes(scoped, ctx), { prefix: SERVICE_PREFIX[mod.name] });
		await app.register(async (scoped) => mod.control(scoped, ctx), { prefix: `${CONTROL_PREFIX}${SERVICE_PREFIX[mod.name]}` });
	}

	await app.listen({ host: SANDBOX_HOST, port: options.port ?? 0 });
	const address = app.server.address();
	const port = typeof address === 'object' && address ? address.port : Number(options.port);
	origin = `http://${SANDBOX_HOST}:${port}`;

	return {
		origin,
		port,
		urls: {
			seekPass: `${origin}${SERVICE_PREFIX.seekPass}`,
			smartResume: `${origin}${SERVICE_PREFIX.smartResume}`,
			certifier: `${origin}${SERVICE_PREFIX.certifier}/v1`,
			control: `${origin}${CONTROL_PREFIX}`,
		},
		demo,
		switches,
		setSwitches,
		reset: resetAll,
		expireTokens,
		advanceClock: (ms) => clock.advance(ms),
		now: () => clock.now(),
		requests: (filter) => log.list(filter),
		clearRequests: () => log.clear(),
		webhookDeliveries: () => webhooks.deliveries(),
		clearWebhookDeliveries: () => webhooks.clear(),
		state,
		connections: () => connections.stats(),
		resetConnections: () => connections.reset(),
		app,
		close: () => app.close(),
	};
}

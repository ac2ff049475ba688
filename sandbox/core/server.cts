// startSandboxWith: one fastify server on one loopback port hosting the service modules it
// is given under their prefixes, the switches' hooks, the request log and /_control.
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import { installBodyParsers, BODY_LIMIT_BYTES } from './body-parsers.cjs';
import { createClock } from './clock.cjs';
import { countConnections } from './connections.cjs';
import { controlRoutes, type SandboxController } from './control.cjs';
import { demoCredentials, type DemoOverrides } from './demo.cjs';
import { installErrorHandlers } from './errors.cjs';
import { injectedOf, installFaultHooks } from './faults.cjs';
import { checkModules, logServiceOf, pathOf } from './paths.cjs';
import { createRateLimiter } from './rate-limit.cjs';
import { createRequestLog, loggableBody } from './request-log.cjs';
import { applySwitches, createSwitches, parseSwitchesPatch } from './switches.cjs';
import {
	CONTROL_PREFIX,
	type DemoCredentials,
	type LoggedRequest,
	type SandboxContext,
	type SandboxSwitches,
	type SandboxUrls,
	type ServiceModule,
} from './types.cjs';
import { createWebhookDispatcher } from './webhooks.cjs';

export const SANDBOX_HOST = '127.0.0.1';

/** `M`: the hosted modules' type, from which the names, URLs and demo credentials are typed. */
export interface SandboxOptions<M extends ServiceModule = ServiceModule> {
	/** 0 (default) picks a free port. */
	port?: number;
	switches?: Partial<SandboxSwitches>;
	/** Per service name, demo credential fields that replace the declared ones. */
	demo?: DemoOverrides<M>;
	/** The services to host; sandbox/index.cts startSandbox defaults to fresh instances of every registered one. */
	modules?: readonly M[];
	/** Called after each request is logged (the CLI prints an access line from it). */
	onRequestLogged?: (entry: LoggedRequest<M['name']>) => void;
}

export interface Sandbox<M extends ServiceModule = ServiceModule>
	extends SandboxController<M['name']> {
	origin: string;
	port: number;
	urls: SandboxUrls<M>;
	demo: DemoCredentials<M>;
	/** The fastify instance, for inject() in tests. */
	app: FastifyInstance;
	close(): Promise<void>;
}

export async function startSandboxWith<M extends ServiceModule>(
	modules: readonly M[],
	options: SandboxOptions<M> = {},
): Promise<Sandbox<M>> {
	checkModules(modules);
	const startSwitches = createSwitches(options.switches);
	const switches = createSwitches(options.switches);
	const demo = demoCredentials(modules, options.demo);
	const clock = createClock();
	const limiter = createRateLimiter();
	const webhooks = createWebhookDispatcher<M['name']>(() => clock.now());
	const log = createRequestLog<M['name']>(options.onRequestLogged);

	let origin = '';
	const contextOf = (mod: M): SandboxContext => ({
		origin: () => origin,
		servicePath: mod.prefix,
		controlPath: `${CONTROL_PREFIX}${mod.prefix}`,
		now: () => clock.now(),
		switches,
		get demo() {
			return (demo as Record<string, object>)[mod.name];
		},
		deliverWebhook: (delivery) => webhooks.deliver({ ...delivery, service: mod.name }),
	});

	const app = Fastify({ logger: false, bodyLimit: BODY_LIMIT_BYTES, forceCloseConnections: true });
	installBodyParsers(app);
	installErrorHandlers(app, modules);

	const logged = new WeakSet<FastifyRequest>();
	const record = (request: FastifyRequest, status: number): void => {
		if (logged.has(request)) return;
		logged.add(request);
		const path = pathOf(request.url);
		// Reading the log must not grow it.
		if (path === `${CONTROL_PREFIX}/requests`) return;
		log.add({
			service: logServiceOf(modules, path),
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
	installFaultHooks(app, {
		switches,
		modules,
		limiter,
		onDropped: (request) => record(request, 0),
	});

	const connections = countConnections(app.server);
	const controller: SandboxController<M['name']> = {
		reset() {
			for (const mod of modules) mod.reset();
			connections.reset();
			log.clear();
			webhooks.clear();
			clock.reset();
			limiter.reset();
			applySwitches(switches, { ...startSwitches, faultKinds: [...startSwitches.faultKinds] });
		},
		switches,
		setSwitches(patch) {
			applySwitches(switches, parseSwitchesPatch(patch));
			limiter.reset();
			return { ...switches };
		},
		expireTokens(service) {
			const targets = modules.filter((m) => !service || m.name === service);
			for (const mod of targets) mod.expireTokens();
			return targets.map((m) => m.name);
		},
		advanceClock: (ms) => clock.advance(ms),
		now: () => clock.now(),
		clockOffsetMs: () => clock.offsetMs(),
		requests: (filter) => log.list(filter),
		clearRequests: () => log.clear(),
		webhookDeliveries: () => webhooks.deliveries(),
		clearWebhookDeliveries: () => webhooks.clear(),
		state: () => ({
			origin,
			now: clock.now().toISOString(),
			clockOffsetMs: clock.offsetMs(),
			switches: { ...switches },
			services: Object.fromEntries(modules.map((m) => [m.name, m.summary()])),
			requests: log.size(),
			webhookDeliveries: webhooks.deliveries().length,
		}),
		connections: () => connections.stats(),
		resetConnections: () => connections.reset(),
	};

	await app.register(
		controlRoutes(
			controller,
			modules.map((m) => m.name),
		),
		{ prefix: CONTROL_PREFIX },
	);
	for (const mod of modules) {
		const ctx = contextOf(mod);
		await app.register(async (scoped) => mod.routes(scoped, ctx), { prefix: ctx.servicePath });
		await app.register(async (scoped) => mod.control(scoped, ctx), { prefix: ctx.controlPath });
	}

	await app.listen({ host: SANDBOX_HOST, port: options.port ?? 0 });
	const address = app.server.address();
	const port = typeof address === 'object' && address ? address.port : Number(options.port);
	origin = `http://${SANDBOX_HOST}:${port}`;
	const urls = {
		...Object.fromEntries(modules.map((m) => [m.name, `${origin}${m.prefix}${m.basePath ?? ''}`])),
		control: `${origin}${CONTROL_PREFIX}`,
	} as SandboxUrls<M>;

	return { ...controller, origin, port, urls, demo, app, close: () => app.close() };
}

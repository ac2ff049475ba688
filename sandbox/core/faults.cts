// The switches at work on service routes: latency, per-service rate limit and injected
// faults (at random, or aimed at chosen requests), all decided in preHandler, i.e. after
// parsing (so the log has the body) and before the route handler (so a faulted write changes
// no state and is safe to retry) — except 'lost-response', where the write is carried out
// and the answer never arrives.
import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { errorBodyFor } from './errors.cjs';
import { looksLikeTokenEndpoint, moduleOf, pathOf, relativePath } from './paths.cjs';
import type { RateLimiter } from './rate-limit.cjs';
import type { FaultKind, FaultTarget, SandboxSwitches, ServiceModule } from './types.cjs';

const injected = new WeakMap<FastifyRequest, string>();
/** Requests handled normally whose answer is then dropped with the connection. */
const loseResponse = new WeakSet<FastifyRequest>();

/** 'fault:<kind>' | 'rate-limited' | undefined, for the request log. */
export function injectedOf(request: FastifyRequest): string | undefined {
	return injected.get(request);
}

const FAULT_ANSWER: Record<
	Exclude<FaultKind, 'reset' | 'slow' | 'lost-response'>,
	{ status: number; code: string; message: string }
> = {
	'500': {
		status: 500,
		code: 'internal_server_error',
		message: 'Injected fault: internal server error',
	},
	'502': { status: 502, code: 'bad_gateway', message: 'Injected fault: bad gateway' },
	'503': {
		status: 503,
		code: 'service_unavailable',
		message: 'Injected fault: service unavailable',
	},
	'504': { status: 504, code: 'gateway_timeout', message: 'Injected fault: gateway timeout' },
};

/**
 * The kind of the first target this request matches, which is used up (replaced, never mutated:
 * the start switches share the target objects).
 */
function takeTarget(targets: FaultTarget[], method: string, path: string): FaultKind | undefined {
	const at = targets.findIndex(
		(t) =>
			(t.method === undefined || t.method.toUpperCase() === method) &&
			(t.pathEndsWith === undefined || path.endsWith(t.pathEndsWith)),
	);
	if (at < 0) return undefined;
	const target = targets[at];
	const left = (target.times ?? 1) - 1;
	if (left > 0) targets[at] = { ...target, times: left };
	else targets.splice(at, 1);
	return target.kind;
}

export interface FaultHookDeps {
	switches: SandboxSwitches;
	modules: readonly ServiceModule[];
	limiter: RateLimiter;
	/** Called for a request whose socket was destroyed (no response, so no onResponse). */
	onDropped(request: FastifyRequest): void;
	random?: () => number;
}

export function installFaultHooks(app: FastifyInstance, deps: FaultHookDeps): void {
	const { switches, modules, limiter } = deps;
	const random = deps.random ?? Math.random;

	const randomKind = (): FaultKind | undefined =>
		switches.faultRate > 0 && switches.faultKinds.length > 0 && random() < switches.faultRate
			? (switches.faultKinds[Math.floor(random() * switches.faultKinds.length)] ??
				switches.faultKinds[0])
			: undefined;

	app.addHook('preHandler', async (request, reply) => {
		const path = pathOf(request.url);
		const service = moduleOf(modules, path);
		if (!service) return;

		if (switches.latencyMs > 0) await sleep(switches.latencyMs);

		const rel = relativePath(service, path);
		const isToken = service.isTokenEndpoint?.(rel) ?? looksLikeTokenEndpoint(rel);
		if (isToken && !switches.faultTokenEndpoints) return;

		if (switches.rateLimitPerSecond > 0) {
			const limit = switches.rateLimitPerSecond;
			const retryAfter = limiter.take(service.name, limit);
			if (switches.rateLimitHeaders) {
				const remaining = retryAfter > 0 ? 0 : limiter.remaining(service.name);
				const reset = remaining > 0 ? 0 : Math.max(1, retryAfter);
				reply
					.header('ratelimit-policy', `"default";q=${limit};w=1`)
					.header('ratelimit', `"default";r=${remaining};t=${reset}`)
					.header('x-ratelimit-limit', String(limit))
					.header('x-ratelimit-remaining', String(remaining))
					.header('x-ratelimit-reset', String(reset));
			}
			if (retryAfter > 0) {
				injected.set(request, 'rate-limited');
				return reply
					.code(429)
					.header('retry-after', String(retryAfter))
					.send(
						errorBodyFor(
							service,
							429,
							'rate_limited',
							`Rate limit of ${switches.rateLimitPerSecond} requests per second exceeded`,
						),
					);
			}
		}

		const kind = takeTarget(switches.faultTargets, request.method, path) ?? randomKind();
		if (kind !== undefined) {
			injected.set(request, `fault:${kind}`);
			if (kind === 'slow') {
				await sleep(switches.slowMs);
				return;
			}
			if (kind === 'lost-response') {
				loseResponse.add(request);
				return;
			}
			if (kind === 'reset') {
				reply.hijack();
				request.raw.socket?.destroy();
				deps.onDropped(request);
				return reply;
			}
			const answer = FAULT_ANSWER[kind];
			return reply
				.code(answer.status)
				.send(errorBodyFor(service, answer.status, answer.code, answer.message));
		}
		return;
	});

	app.addHook('onSend', async (request, reply, payload) => {
		if (!loseResponse.has(request)) return payload;
		reply.hijack();
		request.raw.socket?.destroy();
		deps.onDropped(request);
		return payload;
	});
}

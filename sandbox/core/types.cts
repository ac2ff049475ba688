// The contract between the sandbox core (server, switches, log, control, webhooks)
// and the three service emulators. Each service is a self-contained module that
// registers its routes under its own prefix and keeps its own state.
import type { FastifyInstance } from 'fastify';

export type ServiceName = 'seekPass' | 'smartResume' | 'certifier';

/** Path prefix of each service on the one sandbox port. */
export const SERVICE_PREFIX: Record<ServiceName, string> = {
	seekPass: '/seekpass',
	smartResume: '/smartresume',
	certifier: '/certifier',
};

export const CONTROL_PREFIX = '/_control';

/** 'lost-response': the request is carried out, then the connection drops before the answer. */
export type FaultKind = '500' | '502' | '503' | '504' | 'reset' | 'slow' | 'lost-response';

/** Run-time switches; settable at start (options/CLI flags) and through the control API. */
export interface SandboxSwitches {
	/** Added to every service response, in ms. */
	latencyMs: number;
	/** Requests per second per service (token bucket, burst = limit); 0 = no limit. Answered with 429 + Retry-After. Token endpoints are spared like faults (see faultTokenEndpoints). */
	rateLimitPerSecond: number;
	/** Probability 0..1 that a service request (not the token endpoints unless faultTokenEndpoints) gets a fault, injected BEFORE the handler runs (no state change). */
	faultRate: number;
	faultKinds: FaultKind[];
	faultTokenEndpoints: boolean;
	/** Extra delay of a 'slow' fault, ms. */
	slowMs: number;
	/** Token lifetime in seconds (SEEK Pass: absolute; SmartResume: idle, sliding). */
	tokenTtlSeconds: number;
}

export interface LoggedRequest {
	seq: number;
	service: ServiceName | 'control' | 'other';
	method: string;
	/** Path without query, including the service prefix. */
	path: string;
	query: Record<string, unknown>;
	headers: Record<string, string | string[] | undefined>;
	body: unknown;
	status: number;
	/** 'fault:<kind>' | 'rate-limited' | undefined */
	injected?: string;
	at: string;
}

export interface DemoCredentials {
	seekPass: { clientId: string; clientSecret: string };
	smartResume: { clientId: string; accessKey: string };
	certifier: { accessToken: string; version: string };
}

/** What the core hands to each service module. */
export interface SandboxContext {
	/** Absolute origin, e.g. http://127.0.0.1:4780 (known after listen). */
	origin(): string;
	/** Virtual clock: real time + offset that tests can advance (48 h rules, token expiry). */
	now(): Date;
	switches: SandboxSwitches;
	demo: DemoCredentials;
	/** Sends a JSON body to url with the given extra headers; records the delivery; never throws. */
	deliverWebhook(delivery: { service: ServiceName; url: string; body: string; headers: Record<string, string> }): Promise<{ status: number | null; error?: string }>;
}

export interface ServiceModule {
	name: ServiceName;
	/** Registers the vendor routes; the app given is already scoped to SERVICE_PREFIX[name]. */
	routes(app: FastifyInstance, ctx: SandboxContext): Promise<void> | void;
	/** Registers test/demo control routes; the app is scoped to `${CONTROL_PREFIX}${SERVICE_PREFIX[name]}`. */
	control(app: FastifyInstance, ctx: SandboxContext): Promise<void> | void;
	/** Drops all state except seeded fixtures. */
	reset(): void;
	/** Makes every token issued so far invalid (next use gets the vendor's expiry response). */
	expireTokens(): void;
	/** Small summary for GET /_control/state. */
	summary(): Record<string, unknown>;
	/**
	 * The vendor's error body, used by the core for answers it makes on the module's behalf:
	 * 429 'rate_limited', injected 500 'internal_server_error' / 502 'bad_gateway' /
	 * 503 'service_unavailable' / 504 'gateway_timeout', 404 'not_found', 400 'invalid_json',
	 * 413 'payload_too_large', 415 'unsupported_media_type', and any SandboxHttpError a handler throws.
	 * Optional in the type so a half-built module still loads; every shipped module provides it.
	 */
	errorBody?(status: number, code: string, message: string): unknown;
	/**
	 * True for the module's token endpoint(s), which faults and the rate limit spare unless
	 * switches.faultTokenEndpoints. `path` is relative to the service prefix, without query.
	 * Default when absent: a last path segment of `token` or `token.json`.
	 */
	isTokenEndpoint?(path: string): boolean;
}

/** Throw from a handler to answer with the module's error body (or `body` when given). */
export class SandboxHttpError extends Error {
	constructor(
		readonly status: number,
		readonly code: string,
		message: string,
		readonly body?: unknown,
		readonly headers: Record<string, string> = {},
	) {
		super(message);
		this.name = 'SandboxHttpError';
	}
}

declare module 'fastify' {
	interface FastifyRequest {
		/** The body exactly as received (string for JSON/form/text, Buffer otherwise); for signatures. */
		rawBody?: string | Buffer;
	}
}

/** One outgoing webhook call as the sandbox made it; `body` is the exact string that was signed. */
export interface WebhookDelivery {
	service: ServiceName;
	url: string;
	body: string;
	headers: Record<string, string>;
	/** HTTP status of the receiver's answer; null when it could not be reached. */
	status: number | null;
	error?: string;
	at: string;
}

export interface RequestFilter {
	service?: LoggedRequest['service'];
	method?: string;
	pathIncludes?: string;
}

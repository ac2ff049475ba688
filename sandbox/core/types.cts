// The contract between the sandbox core (server, switches, log, control, webhooks)
// and the service emulators. Each service is a self-contained module that declares
// who it is (name, prefix, demo credentials) and brings its routes and its own state;
// the core hosts whatever modules it is given and knows no vendor.
import type { FastifyInstance } from 'fastify';

export const CONTROL_PREFIX = '/_control';

/** 'lost-response': the request is carried out, then the connection drops before the answer. */
export type FaultKind = '500' | '502' | '503' | '504' | 'reset' | 'slow' | 'lost-response';

/** A fault aimed at chosen requests: the next `times` (default 1) whose method and path match get it. */
export interface FaultTarget {
	kind: FaultKind;
	/** HTTP method, e.g. 'POST'; any when absent. */
	method?: string;
	/** How the request's path (query excluded) ends, e.g. '/credentials/create-issue-send'; any when absent. */
	pathEndsWith?: string;
	times?: number;
}

/** Run-time switches; settable at start (options/CLI flags) and through the control API. */
export interface SandboxSwitches {
	/** Added to every service response, in ms. */
	latencyMs: number;
	/** Requests per second per service (token bucket, burst = limit); 0 = no limit. Answered with 429 + Retry-After. Token endpoints are spared like faults (see faultTokenEndpoints). */
	rateLimitPerSecond: number;
	/**
	 * Announce the limit in headers, as many APIs do (the vendors publish none, so off by default):
	 * RateLimit-Policy / RateLimit (IETF draft) and X-RateLimit-Limit / -Remaining / -Reset.
	 */
	rateLimitHeaders: boolean;
	/** Probability 0..1 that a service request (not the token endpoints unless faultTokenEndpoints) gets a fault, injected BEFORE the handler runs (no state change). */
	faultRate: number;
	faultKinds: FaultKind[];
	/**
	 * Faults for chosen requests, whatever faultRate says (empty by default): the first target a
	 * request matches fires and is used up, so a test can fault exactly one request.
	 */
	faultTargets: FaultTarget[];
	faultTokenEndpoints: boolean;
	/** Extra delay of a 'slow' fault, ms. */
	slowMs: number;
	/** Token lifetime in seconds (each service applies it as its vendor does: from issue, or from last use). */
	tokenTtlSeconds: number;
}

/** `Name`: the names of the services hosted (any string when not narrowed). */
export interface LoggedRequest<Name extends string = string> {
	seq: number;
	service: Name | 'control' | 'other';
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

/** What a service tells the core about itself; the same for every sandbox that hosts it. */
export interface ServiceDeclaration<Name extends string = string, Demo extends object = object> {
	/**
	 * The service's id everywhere but its URLs: the key of sandbox.urls, sandbox.demo and the
	 * state's `services`, and `service` in control requests, the request log and webhook deliveries.
	 */
	readonly name: Name;
	/** Where its routes live on the one sandbox port (e.g. '/acme'); its control routes live under CONTROL_PREFIX + prefix. */
	readonly prefix: string;
	/** Appended to origin + prefix in sandbox.urls when a client's base URL goes deeper (e.g. an API version, '/v1'). */
	readonly basePath?: string;
	/** The vendor's name as people write it (CLI banner). */
	readonly title: string;
	/** Default demo credentials; SandboxOptions.demo overrides them per sandbox. */
	readonly demo: Demo;
	/** Lines the CLI prints under the service's URL: how a client authenticates with the demo credentials. */
	usage?(url: string, demo: Demo): string[];
}

/** Type-checks a declaration and keeps its name as a literal type (what the registry derives ServiceName from). */
export function declareService<Name extends string, Demo extends object>(
	declaration: ServiceDeclaration<Name, Demo>,
): ServiceDeclaration<Name, Demo> {
	return declaration;
}

/** The module type of a declared service. */
export type ModuleOf<D extends ServiceDeclaration> =
	D extends ServiceDeclaration<infer Name, infer Demo> ? ServiceModule<Name, Demo> : never;

/** What the core hands to each service module: the sandbox, seen from that service. */
export interface SandboxContext<Demo extends object = object> {
	/** Absolute origin, e.g. http://127.0.0.1:4780 (known after listen). */
	origin(): string;
	/** This service's prefix (its routes are under origin + servicePath). */
	servicePath: string;
	/** Where this service's control routes are: CONTROL_PREFIX + prefix. */
	controlPath: string;
	/** Virtual clock: real time + offset that tests can advance (48 h rules, token expiry). */
	now(): Date;
	switches: SandboxSwitches;
	/** This service's demo credentials in this sandbox (the declared ones unless SandboxOptions.demo overrides them). */
	readonly demo: Demo;
	/** Sends a JSON body to url with the given extra headers; records the delivery under this service; never throws. */
	deliverWebhook(delivery: {
		url: string;
		body: string;
		headers: Record<string, string>;
	}): Promise<{ status: number | null; error?: string }>;
}

/** One sandbox's instance of a service: its declaration, its routes and its own state. */
export interface ServiceModule<Name extends string = string, Demo extends object = object>
	extends ServiceDeclaration<Name, Demo> {
	/** Registers the vendor routes; the app given is already scoped to `prefix`. */
	routes(app: FastifyInstance, ctx: SandboxContext<Demo>): Promise<void> | void;
	/** Registers test/demo control routes; the app is scoped to `${CONTROL_PREFIX}${prefix}`. */
	control(app: FastifyInstance, ctx: SandboxContext<Demo>): Promise<void> | void;
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
export interface WebhookDelivery<Name extends string = string> {
	service: Name;
	url: string;
	body: string;
	headers: Record<string, string>;
	/** HTTP status of the receiver's answer; null when it could not be reached. */
	status: number | null;
	error?: string;
	at: string;
}

export interface RequestFilter<Name extends string = string> {
	service?: LoggedRequest<Name>['service'];
	method?: string;
	pathIncludes?: string;
}

/** sandbox.urls: each hosted service's base URL by name, plus the control API's. */
export type SandboxUrls<M extends ServiceModule = ServiceModule> = { [K in M['name']]: string } & {
	control: string;
};

/** sandbox.demo: each hosted service's demo credentials by name. */
export type DemoCredentials<M extends ServiceModule = ServiceModule> = {
	[K in M as K['name']]: K['demo'];
};

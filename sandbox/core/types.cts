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

export type FaultKind = '500' | '502' | '503' | '504' | 'reset' | 'slow';

/** Run-time switches; settable at start (options/CLI flags) and through the control API. */
export interface SandboxSwitches {
	/** Added to every service response, in ms. */
	latencyMs: number;
	/** Requests per second per service (token bucket, burst = limit); 0 = no limit. Answered with 429 + Retry-After. */
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
}

import type { IExecuteFunctions, INodeProperties } from 'n8n-workflow';
import { DEFAULT_RETRY_POLICY, type RetryPolicy } from '../transport/retry-policy';

/** A ceiling, not a setting: the transport's ConcurrencyLimit finds the level below it. */
export const DEFAULT_CONCURRENCY = 64;
export const DEFAULT_TIMEOUT_MS = 30_000;

export interface RequestSettings {
	concurrency: number;
	timeoutMs: number;
	retry: RetryPolicy;
}

/** The "Request Options" collection every action node shows; read once per execution. */
export const requestOptionsProperty: INodeProperties = {
	displayName: 'Request Options',
	name: 'requestOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 64 },
			default: 64,
			description:
				'The most requests in flight at once. Below it the node finds the best level itself: more while the API answers as fast as when idle, fewer when answers slow down or fail. Output order always matches input order.',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			typeOptions: { minValue: 1, maxValue: 20 },
			default: 5,
			description: 'Attempts per request in all, the first included, when retrying is on',
		},
		{
			displayName: 'Max Total Wait (Seconds)',
			name: 'maxTotalWaitSeconds',
			type: 'number',
			typeOptions: { minValue: 0 },
			default: 60,
			description:
				'Longest time one request may spend waiting between attempts, Retry-After included',
		},
		{
			displayName: 'Retry',
			name: 'retry',
			type: 'boolean',
			default: true,
			description:
				'Whether to repeat requests that failed with 429, 502, 503, 504, a dropped connection or a timeout, with exponential backoff and honouring Retry-After',
		},
		{
			displayName: 'Timeout (Ms)',
			name: 'timeoutMs',
			type: 'number',
			typeOptions: { minValue: 1000 },
			default: 30000,
			description: 'How long to wait for one response before treating the attempt as failed',
		},
	],
};

interface RawOptions {
	concurrency?: number;
	maxAttempts?: number;
	maxTotalWaitSeconds?: number;
	retry?: boolean;
	timeoutMs?: number;
}

/** Reads the options once (item 0): they configure the execution, not an item. */
export function readRequestSettings(ctx: IExecuteFunctions): RequestSettings {
	const raw = ctx.getNodeParameter('requestOptions', 0, {}) as RawOptions;
	return {
		concurrency: Math.max(1, Math.floor(raw.concurrency ?? DEFAULT_CONCURRENCY)),
		timeoutMs: Math.max(1000, raw.timeoutMs ?? DEFAULT_TIMEOUT_MS),
		retry: {
			...DEFAULT_RETRY_POLICY,
			enabled: raw.retry ?? true,
			maxAttempts: Math.max(1, Math.floor(raw.maxAttempts ?? DEFAULT_RETRY_POLICY.maxAttempts)),
			maxTotalWaitMs: Math.max(
				0,
				(raw.maxTotalWaitSeconds ?? DEFAULT_RETRY_POLICY.maxTotalWaitMs / 1000) * 1000,
			),
		},
	};
}

// Outgoing webhook calls: send, never throw, and remember each attempt for tests.
import type { WebhookDelivery } from './types.cjs';

export const WEBHOOK_TIMEOUT_MS = 5_000;
const DELIVERY_LIMIT = 1_000;

/** `Name`: the hosted services' names. */
export interface WebhookDispatcher<Name extends string = string> {
	deliver(delivery: {
		service: Name;
		url: string;
		body: string;
		headers: Record<string, string>;
	}): Promise<{
		status: number | null;
		error?: string;
	}>;
	deliveries(): WebhookDelivery<Name>[];
	clear(): void;
}

export function createWebhookDispatcher<Name extends string = string>(
	now: () => Date,
): WebhookDispatcher<Name> {
	let records: WebhookDelivery<Name>[] = [];
	return {
		async deliver({ service, url, body, headers }) {
			const sent = {
				'content-type': 'application/json',
				'user-agent': 'career-credentials-sandbox',
				...headers,
			};
			let status: number | null = null;
			let error: string | undefined;
			try {
				const res = await fetch(url, {
					method: 'POST',
					headers: sent,
					body,
					redirect: 'manual',
					signal: AbortSignal.timeout(WEBHOOK_TIMEOUT_MS),
				});
				status = res.status;
				// Drain so the connection is released.
				await res.arrayBuffer().catch(() => undefined);
			} catch (e) {
				error =
					e instanceof Error
						? `${e.name}: ${(e.cause as Error | undefined)?.message ?? e.message}`
						: String(e);
			}
			records.push({
				service,
				url,
				body,
				headers: sent,
				status,
				...(error ? { error } : {}),
				at: now().toISOString(),
			});
			if (records.length > DELIVERY_LIMIT) records = records.slice(-DELIVERY_LIMIT);
			return error ? { status, error } : { status };
		},
		deliveries: () => [...records],
		clear() {
			records = [];
		},
	};
}

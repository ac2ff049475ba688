// The sandbox's SEEK Pass control routes, as the integration tests use them.
import type { Sandbox } from '../../../sandbox/index.cjs';

export async function control<T = unknown>(sb: Sandbox, path: string, body?: unknown): Promise<{ status: number; body: T }> {
	const response = await fetch(`${sb.urls.control}/seekpass${path}`, {
		method: body === undefined ? 'GET' : 'POST',
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body),
	});
	const text = await response.text();
	return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
}

export interface SubmissionHistory {
	history: Record<string, { creations: number; repeats: number }>;
}

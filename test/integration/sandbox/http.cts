// Small HTTP helpers for the sandbox tests: JSON/form calls and a loopback webhook receiver.
import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CallResult {
	status: number;
	headers: Headers;
	text: string;
	body: any; // eslint-disable-line @typescript-eslint/no-explicit-any
}

export interface CallOptions {
	method?: string;
	json?: unknown;
	form?: Record<string, string>;
	raw?: string | Buffer;
	headers?: Record<string, string>;
	token?: string;
}

export async function call(url: string, options: CallOptions = {}): Promise<CallResult> {
	const headers: Record<string, string> = { ...options.headers };
	let body: string | Buffer | undefined;
	if (options.json !== undefined) {
		headers['content-type'] ??= 'application/json';
		body = JSON.stringify(options.json);
	} else if (options.form) {
		headers['content-type'] ??= 'application/x-www-form-urlencoded';
		body = new URLSearchParams(options.form).toString();
	} else if (options.raw !== undefined) {
		body = options.raw;
	}
	if (options.token) headers.authorization = `Bearer ${options.token}`;
	const res = await fetch(url, {
		method: options.method ?? (body === undefined ? 'GET' : 'POST'),
		headers,
		body,
	});
	const text = await res.text();
	let parsed: unknown = text;
	try {
		parsed = text ? JSON.parse(text) : undefined;
	} catch {
		// not JSON: keep the text
	}
	return { status: res.status, headers: res.headers, text, body: parsed };
}

export interface ReceivedWebhook {
	headers: http.IncomingHttpHeaders;
	rawBody: string;
}

/** A loopback HTTP server that records every POST and answers `status`. */
export async function startReceiver(
	status = 200,
): Promise<{ url: string; received: ReceivedWebhook[]; close(): Promise<void> }> {
	const received: ReceivedWebhook[] = [];
	const server = http.createServer((req, res) => {
		const chunks: Buffer[] = [];
		req.on('data', (c: Buffer) => chunks.push(c));
		req.on('end', () => {
			received.push({ headers: req.headers, rawBody: Buffer.concat(chunks).toString('utf8') });
			res.writeHead(status).end();
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const { port } = server.address() as AddressInfo;
	return {
		url: `http://127.0.0.1:${port}/hook`,
		received,
		close: () =>
			new Promise<void>((resolve) => {
				server.closeAllConnections();
				server.close(() => resolve());
			}),
	};
}

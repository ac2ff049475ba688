// The request object n8n hands a webhook node (this.getRequestObject()), as n8n's
// webhook server leaves it after its body middleware: header names lower-cased (node:http
// does that), `rawBody` the exact bytes received, `body` the parsed body or `{}`,
// `contentType`/`encoding` split out of Content-Type. Only the Express members nodes
// use are present: a node reaching for more fails loudly with a TypeError.
import { parse as parseQueryString } from 'node:querystring';

import { jsonParse } from 'n8n-workflow';
import type { IDataObject } from 'n8n-workflow';

export interface WebhookRequestInput {
	method: string;
	headers: Record<string, string | string[] | undefined>;
	query?: Record<string, string | string[]>;
	/** The parsed body; when undefined it is parsed from rawBody the way n8n does. */
	body?: unknown;
	/** The bytes as they arrived, which signature checks are computed over. */
	rawBody: Buffer;
	/** Request path, e.g. '/webhook/<id>'; defaults to the path of the webhook URL. */
	path?: string;
}

export interface WebhookRequest {
	method: string;
	url: string;
	path: string;
	headers: Record<string, string | string[] | undefined>;
	query: Record<string, string | string[]>;
	params: Record<string, string>;
	body: unknown;
	rawBody: Buffer;
	contentType?: string;
	encoding: BufferEncoding;
	/** n8n reads the body lazily; here it is already read, as after n8n's body parser. */
	readRawBody(): Promise<void>;
	get(name: string): string | string[] | undefined;
	header(name: string): string | string[] | undefined;
}

function lowerCaseKeys<T>(record: Record<string, T>): Record<string, T> {
	return Object.fromEntries(
		Object.entries(record).map(([key, value]) => [key.toLowerCase(), value]),
	);
}

function splitContentType(header: string | string[] | undefined): {
	contentType?: string;
	encoding: BufferEncoding;
} {
	const value = Array.isArray(header) ? header[0] : header;
	if (!value) return { encoding: 'utf-8' };
	const [type, ...params] = value.split(';').map((part) => part.trim());
	const charset = params.find((p) => p.toLowerCase().startsWith('charset='))?.slice(8);
	return { contentType: type.toLowerCase(), encoding: (charset ?? 'utf-8') as BufferEncoding };
}

// n8n 2.41's body parser for the types a JSON API sends: a body it cannot parse is
// answered 422 before any node runs, so a test asking for that is asking for the wrong thing.
function parseLikeN8n(rawBody: Buffer, contentType: string | undefined, encoding: BufferEncoding) {
	if (rawBody.length === 0) return {};
	const text = rawBody.toString(encoding).replace(/^\uFEFF/, '');
	if (contentType === 'application/json') {
		try {
			return jsonParse<unknown>(text);
		} catch {
			throw new Error(
				'In-process n8n: rawBody is not valid JSON; n8n answers 422 before calling webhook(). Pass `body` to test anything else.',
			);
		}
	}
	if (contentType === 'application/x-www-form-urlencoded')
		return { ...parseQueryString(text) } as IDataObject;
	if (contentType === 'text/plain') return text;
	return {};
}

export function createWebhookRequest(
	input: WebhookRequestInput,
	webhookUrl: string,
): WebhookRequest {
	const headers = lowerCaseKeys(input.headers);
	const { contentType, encoding } = splitContentType(headers['content-type']);
	const query = input.query ?? {};
	const path = input.path ?? new URL(webhookUrl).pathname;
	const search = new URLSearchParams(
		Object.entries(query).flatMap(([k, v]) =>
			(Array.isArray(v) ? v : [v]).map((x): [string, string] => [k, x]),
		),
	).toString();
	const get = (name: string) => headers[name.toLowerCase()];
	return {
		method: input.method.toUpperCase(),
		url: search ? `${path}?${search}` : path,
		path,
		headers,
		query,
		params: {},
		// n8n's body middleware ends with `req.body ??= {}`.
		body: input.body ?? parseLikeN8n(input.rawBody, contentType, encoding),
		rawBody: input.rawBody,
		contentType,
		encoding,
		readRawBody: async () => undefined,
		get,
		header: get,
	};
}

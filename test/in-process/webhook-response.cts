// The response object n8n hands a webhook node (this.getResponseObject()): an Express
// response that records instead of writing to a socket. It keeps Express's observable
// rules that matter to a node answering itself: chainable status(), json() and send()
// setting a default Content-Type, redirect() defaulting to 302 with a Location header,
// and answering twice being an error (Express throws ERR_HTTP_HEADERS_SENT).

export interface RecordedResponse {
	statusCode: number;
	headers: Record<string, string>;
	body: unknown;
	/** True once send/json/end/redirect/sendStatus was called. */
	ended: boolean;
}

export class WebhookResponseRecorder {
	statusCode = 200;

	headersSent = false;

	private readonly headers: Record<string, string> = {};

	private body: unknown = undefined;

	status(code: number): this {
		this.statusCode = code;
		return this;
	}

	setHeader(name: string, value: string | number | readonly string[]): this {
		this.assertOpen('setHeader');
		this.headers[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
		return this;
	}

	getHeader(name: string): string | undefined {
		return this.headers[name.toLowerCase()];
	}

	removeHeader(name: string): void {
		delete this.headers[name.toLowerCase()];
	}

	/** Express's res.set / res.header: one header or an object of them. */
	set(field: string | Record<string, string>, value?: string): this {
		if (typeof field === 'string') return this.setHeader(field, value ?? '');
		for (const [name, v] of Object.entries(field)) this.setHeader(name, v);
		return this;
	}

	header(field: string | Record<string, string>, value?: string): this {
		return this.set(field, value);
	}

	json(body: unknown): this {
		if (!this.getHeader('content-type'))
			this.setHeader('content-type', 'application/json; charset=utf-8');
		return this.finish(body);
	}

	send(body?: unknown): this {
		if (body !== null && typeof body === 'object' && !Buffer.isBuffer(body)) return this.json(body);
		if (!this.getHeader('content-type') && body !== undefined) {
			const type = Buffer.isBuffer(body) ? 'application/octet-stream' : 'text/html; charset=utf-8';
			this.setHeader('content-type', type);
		}
		return this.finish(body);
	}

	sendStatus(code: number): this {
		return this.status(code).send(String(code));
	}

	redirect(statusOrUrl: number | string, url?: string): void {
		const [code, location] =
			typeof statusOrUrl === 'number' ? [statusOrUrl, url ?? ''] : [302, statusOrUrl];
		this.status(code).setHeader('location', location);
		this.finish(undefined);
	}

	/** Like node:http, a bare end() after the response was sent is ignored (n8n itself does that). */
	end(body?: unknown): this {
		if (this.headersSent && body === undefined) return this;
		return this.finish(body);
	}

	recorded(): RecordedResponse {
		return {
			statusCode: this.statusCode,
			headers: { ...this.headers },
			body: this.body,
			ended: this.headersSent,
		};
	}

	private finish(body: unknown): this {
		this.assertOpen('send a response');
		this.body = body;
		this.headersSent = true;
		return this;
	}

	private assertOpen(what: string): void {
		if (this.headersSent) {
			throw new Error(
				`In-process n8n: cannot ${what} after the response was sent (ERR_HTTP_HEADERS_SENT)`,
			);
		}
	}
}

/** A failed HTTP exchange, reduced to what the transport decides on and reports. */
export interface HttpFailure {
	status?: number;
	headers: Record<string, unknown>;
	body?: unknown;
	/** Socket-level error code (ECONNRESET, ETIMEDOUT, …) when no response came back. */
	networkCode?: string;
	message: string;
}

type Loose = Record<string, unknown>;

function asObject(value: unknown): Loose | undefined {
	return value !== null && typeof value === 'object' ? (value as Loose) : undefined;
}

function headersOf(response: Loose | undefined): Record<string, unknown> {
	const headers = asObject(response?.headers);
	if (!headers) return {};
	// Axios hands back an AxiosHeaders instance; its own enumerable keys are the lower-cased names.
	const plain: Record<string, unknown> = {};
	for (const [name, value] of Object.entries(headers)) plain[name.toLowerCase()] = value;
	return plain;
}

function parseBody(data: unknown): unknown {
	if (typeof data === 'string') {
		try {
			return JSON.parse(data);
		} catch {
			return data;
		}
	}
	if (data instanceof Uint8Array) return parseBody(Buffer.from(data).toString('utf8'));
	return data;
}

/**
 * n8n's request helpers wrap the underlying Axios error in a NodeApiError (its `cause`); older
 * paths throw the Axios error itself. Either way the response, if any, is on the Axios error.
 */
export function describeFailure(error: unknown): HttpFailure {
	const outer = asObject(error) ?? {};
	const candidates = [outer, asObject(outer.cause), asObject(outer.reason)].filter(
		(c): c is Loose => c !== undefined,
	);
	const withResponse = candidates.find((c) => asObject(c.response)?.status !== undefined);
	const message = typeof outer.message === 'string' ? outer.message : String(error);
	if (withResponse) {
		const response = asObject(withResponse.response);
		return {
			status: Number(response?.status),
			headers: headersOf(response),
			body: parseBody(response?.data ?? response?.body),
			message,
		};
	}
	const networkCode = candidates
		.map((c) => c.code)
		.find((code): code is string => typeof code === 'string' && code.startsWith('E'));
	const httpCode = Number(outer.httpCode);
	return {
		status: Number.isInteger(httpCode) && httpCode >= 100 ? httpCode : undefined,
		headers: {},
		networkCode: networkCode ?? (/timeout/i.test(message) ? 'ETIMEDOUT' : undefined),
		message,
	};
}

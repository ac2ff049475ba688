import { NodeApiError, type INode, type JsonObject } from 'n8n-workflow';
import { describeFailure } from '../../../nodes/common/transport/failure';

const node: INode = {
	id: '1',
	name: 'Node',
	type: 'test',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function axiosError(
	status: number | undefined,
	data: unknown,
	headers: Record<string, string> = {},
	code?: string,
) {
	const error = Object.assign(
		new Error(status ? `Request failed with status code ${status}` : 'socket hang up'),
		{
			code,
			config: { headers: { Authorization: 'Bearer top-secret-token' } },
			response: status ? { status, data, headers } : undefined,
		},
	);
	return error as unknown as JsonObject;
}

describe('describeFailure', () => {
	it('reads status, headers and JSON body through a NodeApiError wrapper', () => {
		const wrapped = new NodeApiError(
			node,
			axiosError(429, { error: { code: 'rate_limited' } }, { 'Retry-After': '2' }),
		);
		const failure = describeFailure(wrapped);
		expect(failure.status).toBe(429);
		expect(failure.headers['retry-after']).toBe('2');
		expect(failure.body).toEqual({ error: { code: 'rate_limited' } });
	});

	it('parses a JSON string body', () => {
		expect(describeFailure(axiosError(400, '{"a":1}')).body).toEqual({ a: 1 });
	});

	it('reports a socket error code when there is no response', () => {
		const failure = describeFailure(
			new NodeApiError(node, axiosError(undefined, undefined, {}, 'ECONNRESET')),
		);
		expect(failure.status).toBeUndefined();
		expect(failure.networkCode).toBe('ECONNRESET');
	});

	it('recognises a timeout by its message', () => {
		expect(describeFailure(new Error('timeout of 1000ms exceeded')).networkCode).toBe('ETIMEDOUT');
	});
});

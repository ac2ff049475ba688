// A 429 with Retry-After is flow control: waited out within Max Total Wait, never counted
// against Max Attempts, so a request that meets several in a row still succeeds.
import { ApiClient } from '../../../nodes/common/transport/client';
import type { ServiceDefinition } from '../../../nodes/common/transport/service';
import { fakeExecutionContext } from '../../support/fake-execution-context.cjs';

const service: ServiceDefinition = {
	displayName: 'Test API',
	credentialType: 'testApi',
	baseUrl: () => 'https://api.example.test',
	parseError: () => undefined,
	secretFields: [],
};

function scriptedContext(answers: Array<number>) {
	const sent: number[] = [];
	const ctx = fakeExecutionContext({
		getCredentials: async () => ({}),
		helpers: {
			httpRequestWithAuthentication: async () => {
				const status = answers[sent.length] ?? 200;
				sent.push(status);
				if (status === 200) return { statusCode: 200, headers: {}, body: { ok: true } };
				throw Object.assign(new Error(`status ${status}`), {
					response: { status, headers: { 'retry-after': '0.01' }, data: {} },
				});
			},
		},
	});
	return { ctx, sent };
}

test('three 429s in a row with Max Attempts 2: waited out, then answered', async () => {
	const { ctx, sent } = scriptedContext([429, 429, 429]);
	const client = await ApiClient.create(ctx, service, { retry: { maxAttempts: 2 } });
	await expect(client.request({ method: 'GET', path: '/x' })).resolves.toEqual({ ok: true });
	expect(sent).toEqual([429, 429, 429, 200]);
});

test('three 503s with Max Attempts 2: the request fails after two attempts', async () => {
	const { ctx, sent } = scriptedContext([503, 503, 503]);
	const client = await ApiClient.create(ctx, service, {
		retry: { maxAttempts: 2, baseDelayMs: 1 },
	});
	await expect(client.request({ method: 'GET', path: '/x' })).rejects.toThrow();
	expect(sent).toEqual([503, 503]);
});

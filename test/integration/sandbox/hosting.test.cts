// The sandbox core hosts any service module it is given: a service it has never heard of gets
// its prefix, control routes, URL, demo credentials, log name and error shape from its own
// declaration, with no change to the core. Clashing declarations are refused at start.
import { startSandboxWith, type Sandbox } from '../../../sandbox/core/server.cjs';
import { declareService, type ModuleOf } from '../../../sandbox/core/types.cjs';
import { call, startReceiver } from './http.cjs';

const ACME = declareService({
	name: 'acme',
	prefix: '/acme',
	basePath: '/api',
	title: 'Acme',
	demo: { apiKey: 'acme-demo-key' },
});

function createAcmeModule(): ModuleOf<typeof ACME> {
	let pings = 0;
	return {
		...ACME,
		routes(app, ctx) {
			app.get('/api/ping', async (request) => {
				if (request.headers['x-api-key'] !== ctx.demo.apiKey) return { ok: false };
				pings += 1;
				return { ok: true, self: `${ctx.origin()}${ctx.servicePath}` };
			});
			app.post('/api/notify', async (request) =>
				ctx.deliverWebhook({
					url: (request.body as { url: string }).url,
					body: '{"hello":1}',
					headers: {},
				}),
			);
		},
		control(app, ctx) {
			app.get('/pings', async () => ({ pings, controlPath: ctx.controlPath }));
		},
		reset() {
			pings = 0;
		},
		expireTokens() {},
		summary: () => ({ pings }),
		errorBody: (status, code, message) => ({ acmeError: { status, code, message } }),
	};
}

describe('a service the core has never heard of', () => {
	let sb: Sandbox<ReturnType<typeof createAcmeModule>>;
	let receiver: Awaited<ReturnType<typeof startReceiver>>;
	beforeAll(async () => {
		sb = await startSandboxWith([createAcmeModule()], {
			port: 0,
			demo: { acme: { apiKey: 'k2' } },
		});
		receiver = await startReceiver();
	});
	afterAll(async () => {
		await sb.close();
		await receiver.close();
	});

	test('is served under its prefix with its own demo credentials, control routes and URL', async () => {
		expect(sb.urls).toEqual({ acme: `${sb.origin}/acme/api`, control: `${sb.origin}/_control` });
		expect(sb.demo).toEqual({ acme: { apiKey: 'k2' } });
		expect(
			(await call(`${sb.urls.acme}/ping`, { headers: { 'x-api-key': 'acme-demo-key' } })).body,
		).toEqual({ ok: false });
		expect((await call(`${sb.urls.acme}/ping`, { headers: { 'x-api-key': 'k2' } })).body).toEqual({
			ok: true,
			self: `${sb.origin}/acme`,
		});
		expect((await call(`${sb.urls.control}/acme/pings`)).body).toEqual({
			pings: 1,
			controlPath: '/_control/acme',
		});
		expect((await call(`${sb.urls.control}/state`)).body.services).toEqual({ acme: { pings: 1 } });
	});

	test('is named by its declared name in the log, the control API and webhook deliveries', async () => {
		await call(`${sb.urls.acme}/ping`);
		expect(sb.requests({ service: 'acme', pathIncludes: '/ping' }).length).toBeGreaterThan(0);
		expect((await call(`${sb.urls.control}/requests?service=acme`)).body.count).toBeGreaterThan(0);
		expect(
			(await call(`${sb.urls.control}/tokens/expire`, { json: { service: 'acme' } })).body,
		).toEqual({ expired: ['acme'] });
		expect(
			(await call(`${sb.urls.control}/tokens/expire`, { json: { service: 'seekPass' } })).status,
		).toBe(400);
		await call(`${sb.urls.acme}/notify`, { json: { url: receiver.url } });
		expect(sb.webhookDeliveries()).toEqual([
			expect.objectContaining({ service: 'acme', url: receiver.url, status: 200 }),
		]);
	});

	test('answers the core makes for it come in its own error shape', async () => {
		const missing = await call(`${sb.origin}/acme/nope`);
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({
			acmeError: { status: 404, code: 'not_found', message: 'No route for GET /acme/nope' },
		});
	});
});

describe('declarations that clash are refused at start', () => {
	test.each([
		['the same name', [createAcmeModule(), { ...createAcmeModule(), prefix: '/other' }]],
		['the same prefix', [createAcmeModule(), { ...createAcmeModule(), name: 'other' }]],
		['a reserved name', [{ ...createAcmeModule(), name: 'control' }]],
		['a prefix inside the control API', [{ ...createAcmeModule(), prefix: '/_control' }]],
		['a nested prefix', [{ ...createAcmeModule(), prefix: '/acme/v2' }]],
	])('%s', async (_what, modules) => {
		await expect(startSandboxWith(modules, { port: 0 })).rejects.toThrow(/sandbox service/);
	});
});

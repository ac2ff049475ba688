// The sandbox core: start/close, switches, rate limit, faults, request log, clock,
// token expiry, reset and the generic control API. SEEK Pass is the service used to probe it.
import { startSandbox, type Sandbox } from '../../../sandbox/index.cjs';
import { call } from './http.cjs';

const TOKEN_PATH = '/api/partner/v1/oauth/token.json';
const WEBHOOKS_PATH = '/api/partner/v2/webhooks';

let sb: Sandbox;

async function token(): Promise<string> {
	const res = await call(`${sb.urls.seekPass}${TOKEN_PATH}`, {
		form: {
			grant_type: 'client_credentials',
			client_id: sb.demo.seekPass.clientId,
			client_secret: sb.demo.seekPass.clientSecret,
		},
	});
	expect(res.status).toBe(200);
	return res.body.access_token as string;
}

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => sb.reset());

describe('start', () => {
	test('listens on loopback and hosts the three services plus control', async () => {
		expect(sb.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
		expect(sb.port).toBeGreaterThan(0);
		expect(sb.urls).toEqual({
			seekPass: `${sb.origin}/seekpass`,
			smartResume: `${sb.origin}/smartresume`,
			certifier: `${sb.origin}/certifier/v1`,
			control: `${sb.origin}/_control`,
		});
		const state = await call(`${sb.urls.control}/state`);
		expect(state.status).toBe(200);
		expect(Object.keys(state.body.services).sort()).toEqual([
			'certifier',
			'seekPass',
			'smartResume',
		]);
		expect(state.body.origin).toBe(sb.origin);
	});

	test('demo credentials default to the documented values and can be overridden', async () => {
		expect(sb.demo.seekPass).toEqual({
			clientId: 'sandbox-seekpass-client',
			clientSecret: 'sandbox-seekpass-secret',
		});
		expect(sb.demo.smartResume).toEqual({
			clientId: 'sandbox-smartresume-client',
			accessKey: 'sandbox-smartresume-key',
		});
		expect(sb.demo.certifier).toEqual({
			accessToken: 'sandbox-certifier-token',
			version: '2022-10-26',
		});
		const other = await startSandbox({
			port: 0,
			demo: { seekPass: { clientId: 'c2', clientSecret: 's2' } },
			switches: { tokenTtlSeconds: 60 },
		});
		try {
			expect(other.demo.seekPass).toEqual({ clientId: 'c2', clientSecret: 's2' });
			expect(other.demo.certifier.accessToken).toBe('sandbox-certifier-token');
			expect(other.switches.tokenTtlSeconds).toBe(60);
			expect(other.port).not.toBe(sb.port);
		} finally {
			await other.close();
		}
	});

	test('unknown service route answers 404 in the vendor shape; bad JSON answers 400', async () => {
		const missing = await call(`${sb.urls.seekPass}/api/nope`);
		expect(missing.status).toBe(404);
		expect(missing.body).toEqual({
			error: 'not_found',
			error_description: expect.stringContaining('/seekpass/api/nope'),
		});
		const bad = await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, {
			raw: '{not json',
			headers: { 'content-type': 'application/json' },
		});
		expect(bad.status).toBe(400);
		expect(bad.body.error).toBe('invalid_json');
	});
});

describe('switches', () => {
	test('read and change over HTTP; invalid values are refused naming the field', async () => {
		const before = await call(`${sb.urls.control}/switches`);
		expect(before.body).toEqual({
			latencyMs: 0,
			rateLimitPerSecond: 0,
			rateLimitHeaders: false,
			faultRate: 0,
			faultKinds: ['500', '502', '503', '504', 'reset', 'slow'],
			faultTargets: [],
			faultTokenEndpoints: false,
			slowMs: 1000,
			tokenTtlSeconds: 3600,
		});
		const set = await call(`${sb.urls.control}/switches`, {
			json: { latencyMs: 5, faultKinds: ['503'] },
		});
		expect(set.status).toBe(200);
		expect(set.body).toMatchObject({ latencyMs: 5, faultKinds: ['503'] });
		expect(sb.switches.latencyMs).toBe(5);

		const bad = await call(`${sb.urls.control}/switches`, { json: { faultRate: 2 } });
		expect(bad.status).toBe(400);
		expect(bad.body.error.details[0].field).toBe('faultRate');
		const unknown = await call(`${sb.urls.control}/switches`, { json: { latency: 5 } });
		expect(unknown.status).toBe(400);
		expect(sb.switches.faultRate).toBe(0);
	});

	test('latency still answers normally (and never touches control routes)', async () => {
		sb.setSwitches({ latencyMs: 10 });
		const res = await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`);
		expect(res.status).toBe(401);
		expect((await call(`${sb.urls.control}/state`)).status).toBe(200);
	});
});

describe('rate limit', () => {
	test('headers off (the default): no rate-limit header, even under a limit', async () => {
		const t = await token();
		sb.setSwitches({ rateLimitPerSecond: 5 });
		const res = await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, { token: t });
		expect(res.status).toBe(200);
		expect([...res.headers.keys()].filter((h) => h.includes('ratelimit'))).toEqual([]);
	});

	test('headers on: the limit is announced on every answer, remaining counts down to 0 on the 429', async () => {
		const t = await token();
		sb.setSwitches({ rateLimitPerSecond: 3, rateLimitHeaders: true });
		const answers: Array<Awaited<ReturnType<typeof call>>> = [];
		for (let i = 0; i < 4; i++)
			answers.push(await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, { token: t }));
		expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
		for (const a of answers) {
			expect(a.headers.get('ratelimit-policy')).toBe('"default";q=3;w=1');
			expect(a.headers.get('x-ratelimit-limit')).toBe('3');
		}
		expect(answers.map((a) => a.headers.get('x-ratelimit-remaining'))).toEqual([
			'2',
			'1',
			'0',
			'0',
		]);
		expect(answers[3].headers.get('ratelimit')).toMatch(/^"default";r=0;t=[1-9]\d*$/);
	});

	test('beyond the limit: 429 with an integer Retry-After >= 1 and the vendor error body', async () => {
		const t = await token();
		sb.setSwitches({ rateLimitPerSecond: 1 });
		let limited: Awaited<ReturnType<typeof call>> | undefined;
		for (let i = 0; i < 20 && !limited; i++) {
			const res = await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, { token: t });
			if (res.status === 429) limited = res;
			else expect(res.status).toBe(200);
		}
		expect(limited).toBeDefined();
		const retryAfter = limited!.headers.get('retry-after');
		expect(retryAfter).toMatch(/^\d+$/);
		expect(Number(retryAfter)).toBeGreaterThanOrEqual(1);
		expect(limited!.body).toEqual({ error: 'rate_limited', error_description: expect.any(String) });
		expect(
			sb
				.requests({ service: 'seekPass' })
				.some((r) => r.status === 429 && r.injected === 'rate-limited'),
		).toBe(true);
		// Control routes and the token endpoint are not limited.
		expect((await call(`${sb.urls.control}/state`)).status).toBe(200);
		expect((await token()).length).toBeGreaterThan(0);
	});
});

describe('faults', () => {
	test.each([
		['500', 'internal_server_error'],
		['502', 'bad_gateway'],
		['503', 'service_unavailable'],
		['504', 'gateway_timeout'],
	] as const)(
		'%s answers that status in the vendor shape and runs no handler',
		async (kind, code) => {
			const t = await token();
			sb.setSwitches({ faultRate: 1, faultKinds: [kind] });
			const res = await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, {
				token: t,
				json: { url: 'http://127.0.0.1:9/hook' },
			});
			expect(res.status).toBe(Number(kind));
			expect(res.body.error).toBe(code);
			sb.setSwitches({ faultRate: 0 });
			const hooks = await call(`${sb.urls.control}/seekpass/webhooks`);
			expect(hooks.body).toEqual([]);
			expect(
				sb.requests({ service: 'seekPass', method: 'POST', pathIncludes: WEBHOOKS_PATH }),
			).toEqual([expect.objectContaining({ status: Number(kind), injected: `fault:${kind}` })]);
		},
	);

	test('reset drops the connection without an answer, and is logged', async () => {
		const t = await token();
		sb.setSwitches({ faultRate: 1, faultKinds: ['reset'] });
		await expect(call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, { token: t })).rejects.toThrow();
		sb.setSwitches({ faultRate: 0 });
		expect(sb.requests({ service: 'seekPass', pathIncludes: WEBHOOKS_PATH })).toEqual([
			expect.objectContaining({ status: 0, injected: 'fault:reset' }),
		]);
	});

	test('a fault target hits only the matching requests, as many times as asked, then is used up', async () => {
		const t = await token();
		sb.setSwitches({
			faultTargets: [{ kind: '503', method: 'POST', pathEndsWith: WEBHOOKS_PATH, times: 2 }],
		});
		// Another method on the same path is untouched.
		expect((await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, { token: t })).status).toBe(200);
		const post = () =>
			call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, {
				token: t,
				json: { url: 'http://127.0.0.1:9/hook' },
			});
		expect((await post()).status).toBe(503);
		expect(sb.switches.faultTargets).toEqual([
			{ kind: '503', method: 'POST', pathEndsWith: WEBHOOKS_PATH, times: 1 },
		]);
		expect((await post()).status).toBe(503);
		expect(sb.switches.faultTargets).toEqual([]);
		expect((await post()).status).toBeLessThan(300);
		sb.reset();
		expect(sb.switches.faultTargets).toEqual([]);
	});

	test('slow answers normally after the delay', async () => {
		const t = await token();
		sb.setSwitches({ faultRate: 1, faultKinds: ['slow'], slowMs: 20 });
		const res = await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, { token: t });
		expect(res.status).toBe(200);
		expect(sb.requests({ pathIncludes: WEBHOOKS_PATH })).toEqual([
			expect.objectContaining({ status: 200, injected: 'fault:slow' }),
		]);
	});

	test('token endpoints are spared unless faultTokenEndpoints', async () => {
		sb.setSwitches({ faultRate: 1, faultKinds: ['503'] });
		expect((await token()).length).toBeGreaterThan(0);
		sb.setSwitches({ faultTokenEndpoints: true });
		const res = await call(`${sb.urls.seekPass}${TOKEN_PATH}`, {
			form: {
				grant_type: 'client_credentials',
				client_id: sb.demo.seekPass.clientId,
				client_secret: sb.demo.seekPass.clientSecret,
			},
		});
		expect(res.status).toBe(503);
	});
});

describe('request log', () => {
	test('records service, method, path, query, headers, parsed body and status; filters and clears', async () => {
		await call(`${sb.urls.seekPass}${TOKEN_PATH}?probe=1`, {
			form: { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' },
		});
		await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`);
		const [tokenCall] = sb.requests({ method: 'post' });
		expect(tokenCall).toMatchObject({
			service: 'seekPass',
			method: 'POST',
			path: `/seekpass${TOKEN_PATH}`,
			query: { probe: '1' },
			body: { grant_type: 'client_credentials', client_id: 'x', client_secret: 'y' },
			status: 401,
		});
		expect(tokenCall!.headers['content-type']).toBe('application/x-www-form-urlencoded');
		expect(sb.requests({ service: 'seekPass' })).toHaveLength(2);
		expect(sb.requests({ pathIncludes: 'webhooks' })).toHaveLength(1);

		const overHttp = await call(
			`${sb.urls.control}/requests?service=seekPass&method=GET&path=webhooks`,
		);
		expect(overHttp.body.count).toBe(1);
		expect(overHttp.body.requests[0].status).toBe(401);

		expect((await call(`${sb.urls.control}/requests`, { method: 'DELETE' })).status).toBe(204);
		expect(sb.requests({ service: 'seekPass' })).toHaveLength(0);
	});
});

describe('clock, token expiry and reset', () => {
	test('advancing the clock over HTTP expires tokens; reset puts it back', async () => {
		const t = await token();
		const adv = await call(`${sb.urls.control}/clock/advance`, { json: { ms: 3601_000 } });
		expect(adv.status).toBe(200);
		expect(adv.body.offsetMs).toBe(3601_000);
		expect((await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, { token: t })).status).toBe(401);
		sb.reset();
		expect((await call(`${sb.urls.control}/clock`)).body.offsetMs).toBe(0);
	});

	test('POST /tokens/expire invalidates issued tokens of the named service', async () => {
		const t = await token();
		expect((await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, { token: t })).status).toBe(200);
		const res = await call(`${sb.urls.control}/tokens/expire`, { json: { service: 'seekPass' } });
		expect(res.body).toEqual({ expired: ['seekPass'] });
		expect((await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, { token: t })).status).toBe(401);
		expect(
			(await call(`${sb.urls.control}/tokens/expire`, { json: { service: 'nope' } })).status,
		).toBe(400);
	});

	test('reset clears service state, the log and deliveries, and restores the start switches', async () => {
		const t = await token();
		await call(`${sb.urls.seekPass}${WEBHOOKS_PATH}`, {
			token: t,
			json: { url: 'http://127.0.0.1:9/hook' },
		});
		sb.setSwitches({ latencyMs: 7 });
		expect((await call(`${sb.urls.control}/seekpass/webhooks`)).body).toHaveLength(1);
		const res = await call(`${sb.urls.control}/reset`, { method: 'POST' });
		expect(res.status).toBe(200);
		expect((await call(`${sb.urls.control}/seekpass/webhooks`)).body).toEqual([]);
		expect(sb.switches.latencyMs).toBe(0);
		expect(sb.requests({ service: 'seekPass' })).toHaveLength(0);
		expect(sb.webhookDeliveries()).toEqual([]);
	});
});

// Token expiry mid-run: the emulated SmartResume expires every token between two pushes; n8n's
// OAuth2 handling (through the shared transport) fetches a new one and repeats the refused push,
// so every item still gets its claim link and no credential is sent twice.
import type { INodeParameters } from 'n8n-workflow';
import { jsonOf, startSmartResumeEnv, type SmartResumeEnv } from './env.cjs';

let env: SmartResumeEnv;
let expireAfterPushes = 0;

beforeAll(async () => {
	env = await startSmartResumeEnv({
		onRequestLogged: (entry) => {
			if (
				expireAfterPushes > 0 &&
				entry.path.endsWith('/api/v1/credentials') &&
				entry.status === 200 &&
				--expireAfterPushes === 0
			) {
				env.sb.expireTokens('smartResume');
			}
		},
	});
});
afterAll(async () => await env?.close());
beforeEach(() => {
	env.clear();
	expireAfterPushes = 0;
});

const course: INodeParameters = {
	resource: 'credential',
	operation: 'push',
	recipientId: '={{ $json.who }}',
	source: 'fields',
	assertionId: '={{ $json.id }}',
	achievementId: 'MATH-101',
	achievementType: 'Course',
	achievementName: 'Calculus',
	issuerId: '123456789',
	issuerName: 'Institution X',
};
const items = Array.from({ length: 8 }, (_, i) => ({ who: `person-${i}`, id: `award-${i}` }));

test.each([1, 8])(
	'a token expiring after the 3rd push is renewed once (concurrency %i); all items succeed',
	async (concurrency) => {
		await env.run(course, items.slice(0, 1)); // a token in store, as in a long-running instance
		env.clear();
		const fetchesBefore = env.n8n.tokenFetches('smartResumeOAuth2Api', env.credentialId);
		expireAfterPushes = 3;

		const run = await env.run({ ...course, requestOptions: { concurrency } }, items);

		expect(run.error).toBeUndefined();
		expect(jsonOf(run).map((o) => o.assertionIds)).toEqual(items.map((i) => [i.id]));
		expect(jsonOf(run).every((o) => typeof o.identifierToken === 'string')).toBe(true);
		const accepted = env.apiRequests().filter((r) => r.status === 200);
		expect(accepted.map((r) => (r.body as any).credentials[0].id).sort()).toEqual(
			items.map((i) => i.id).sort(),
		);
		expect(env.apiRequests().some((r) => r.status === 401)).toBe(true);
		expect(env.tokenRequests()).toHaveLength(1);
		expect(env.n8n.tokenFetches('smartResumeOAuth2Api', env.credentialId) - fetchesBefore).toBe(1);
	},
);

test('the first run fetches one token for all items and sends the Access Key only to the token endpoint', async () => {
	const fresh = env.n8n.setCredential('smartResumeOAuth2Api', {
		id: 'fresh',
		data: {
			environment: 'custom',
			customBaseUrl: env.sb.urls.smartResume,
			clientId: env.sb.demo.smartResume.clientId,
			clientSecret: env.sb.demo.smartResume.accessKey,
		},
	});
	const run = await env.run(course, items, { credentials: { smartResumeOAuth2Api: fresh } });
	expect(run.error).toBeUndefined();
	expect(env.tokenRequests()).toHaveLength(1);
	const basic = `Basic ${Buffer.from(`${env.sb.demo.smartResume.clientId}:${env.sb.demo.smartResume.accessKey}`).toString('base64')}`;
	expect(env.tokenRequests()[0].headers.authorization).toBe(basic);
	expect(env.tokenRequests()[0].body).toMatchObject({
		grant_type: 'client_credentials',
		scope: 'delete readonly replace',
	});
	expect(JSON.stringify(run.output)).not.toContain(env.sb.demo.smartResume.accessKey);
	expect(
		env.apiRequests().every((r) => !JSON.stringify(r).includes(env.sb.demo.smartResume.accessKey)),
	).toBe(true);
});

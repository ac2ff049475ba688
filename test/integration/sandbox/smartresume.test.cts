// The SmartResume (CredentialConnect) emulator over HTTP on loopback: Basic-auth token with
// idle expiry, the vendor's three example payloads sent byte for byte, the refusals the
// vendor's required fields imply, Imsx error bodies, ownership of assertions, and use case 3
// (recipienttoken + redirectURL).
//
// Fixtures in test/fixtures/smartresume/ are the JSON of the vendor's text, unchanged but
// for one thing: in skillsync-carrier.json the vendor's "Sales" targetDescription had a raw
// line break (plus the next line's indentation) inside the string, which JSON forbids; it
// is replaced by nothing, leaving "services. It is". clr-middle-name.json is the FAQ's
// credential alone, so the test wraps its bytes in a push body.
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { type Sandbox, startSandbox } from '../../../sandbox/index.cjs';
import { ACHIEVEMENT_TYPES } from '../../../sandbox/smartresume/index.cjs';

const fixture = (name: string) =>
	readFileSync(path.join(__dirname, '../../fixtures/smartresume', name), 'utf8');
const THREE_COURSES = fixture('three-courses.json');
const SKILLSYNC = fixture('skillsync-carrier.json');
const CLR = fixture('clr-middle-name.json');

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
	await sb?.close();
});
beforeEach(() => sb.reset());

interface Answer {
	status: number;
	headers: Headers;
	body: any;
}

async function call(
	method: string,
	url: string,
	init: { headers?: Record<string, string>; body?: string | FormData } = {},
): Promise<Answer> {
	const res = await fetch(url, { method, headers: init.headers, body: init.body });
	const text = await res.text();
	return {
		status: res.status,
		headers: res.headers,
		body: res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
	};
}

const basic = (id = sb.demo.smartResume.clientId, key = sb.demo.smartResume.accessKey) =>
	`Basic ${Buffer.from(`${id}:${key}`).toString('base64')}`;
const FORM = 'application/x-www-form-urlencoded';

function requestToken(
	form = 'grant_type=client_credentials&scope=delete%20readonly%20replace',
	authorization = basic(),
) {
	return call('POST', `${sb.urls.smartResume}/api/v1/token`, {
		headers: { authorization, 'content-type': FORM },
		body: form,
	});
}
async function token(scope = 'delete readonly replace'): Promise<string> {
	const r = await requestToken(`grant_type=client_credentials&scope=${encodeURIComponent(scope)}`);
	expect(r.status).toBe(200);
	return r.body.access_token;
}
function push(body: string | object, accessToken: string): Promise<Answer> {
	return call('POST', `${sb.urls.smartResume}/api/v1/credentials`, {
		headers: { authorization: `Bearer ${accessToken}`, 'content-type': 'application/json' },
		body: typeof body === 'string' ? body : JSON.stringify(body),
	});
}
const control = (method: string, p: string, body?: unknown) =>
	call(
		method,
		`${sb.urls.control}/smartresume${p}`,
		body === undefined
			? {}
			: { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) },
	);

/** The first Imsx minor field of an error body. */
const minor = (body: any) => body.imsx_codeMinor.imsx_codeMinorField[0];

function expectImsx(
	r: Answer,
	status: number,
	field?: string,
	description?: string | RegExp,
): void {
	expect(r.status).toBe(status);
	expect(r.body).toMatchObject({ imsx_codeMajor: 'failure', imsx_severity: 'error' });
	expect(typeof r.body.imsx_description).toBe('string');
	if (field) expect(minor(r.body).imsx_codeMinorFieldName).toBe(field);
	if (description) expect(r.body.imsx_description).toMatch(description);
}

const threeCourses = () => JSON.parse(THREE_COURSES);

describe('token', () => {
	test('Basic client id : access key and a form body give a Bearer token', async () => {
		const r = await requestToken();
		expect(r.status).toBe(200);
		expect(r.body).toEqual({
			access_token: expect.any(String),
			token_type: 'Bearer',
			expires_in: 3600,
			scope: 'delete readonly replace',
		});
		expect(r.body.access_token.length).toBeGreaterThanOrEqual(32);
		expect(r.headers.get('cache-control')).toBe('no-store');
	});

	test("the vendor's Postman form-data (multipart) works too", async () => {
		const form = new FormData();
		form.set('grant_type', 'client_credentials');
		form.set('scope', 'delete readonly replace');
		const r = await call('POST', `${sb.urls.smartResume}/api/v1/token`, {
			headers: { authorization: basic() },
			body: form,
		});
		expect(r.status).toBe(200);
		expect(r.body.scope).toBe('delete readonly replace');
	});

	test('bad client, bad grant, bad scope, wrong method', async () => {
		expectImsx(
			await requestToken(undefined, basic('sandbox-smartresume-client', 'wrong')),
			401,
			'Authorization',
		);
		expectImsx(await requestToken(undefined, 'Bearer x'), 401, 'Authorization');
		expectImsx(await requestToken('grant_type=password'), 400, 'grant_type');
		expectImsx(await requestToken('grant_type=client_credentials&scope=admin'), 400, 'scope');
		const json = await call('POST', `${sb.urls.smartResume}/api/v1/token`, {
			headers: { authorization: basic(), 'content-type': 'application/json' },
			body: '{"grant_type":"client_credentials"}',
		});
		expectImsx(json, 400);
		const get = await call('GET', `${sb.urls.smartResume}/api/v1/token`);
		expectImsx(get, 405);
		expect(minor(get.body).imsx_codeMinorFieldValue).toBe('not_allowed');
		expect(get.headers.get('allow')).toBe('POST');
	});

	test('a token expires after tokenTtlSeconds of inactivity; each use slides the window', async () => {
		// Margins of 100 s keep real time spent between calls out of the picture.
		const t = await token();
		sb.advanceClock(3500_000);
		expect((await push(THREE_COURSES, t)).status).toBe(200);
		sb.advanceClock(3500_000); // 7,000 s after issue, 3,500 s after last use
		expect((await push(THREE_COURSES, t)).status).toBe(200);
		sb.advanceClock(3600_000);
		expectImsx(
			await push(THREE_COURSES, t),
			401,
			'Authorization',
			/^The access token has expired$/,
		);
		expect((await push(THREE_COURSES, await token())).status).toBe(200);
	});

	test('the idle limit is the tokenTtlSeconds switch', async () => {
		sb.setSwitches({ tokenTtlSeconds: 600 });
		const r = await requestToken();
		expect(r.body.expires_in).toBe(600);
		sb.advanceClock(700_000);
		expectImsx(
			await push(THREE_COURSES, r.body.access_token),
			401,
			'Authorization',
			/^The access token has expired$/,
		);
	});

	test('expireTokens() and unknown tokens', async () => {
		const t = await token();
		sb.expireTokens('smartResume');
		expectImsx(
			await push(THREE_COURSES, t),
			401,
			'Authorization',
			/^The access token has expired$/,
		);
		expectImsx(
			await push(THREE_COURSES, 'not-a-token'),
			401,
			'Authorization',
			/^Invalid access token$/,
		);
		expect((await push(THREE_COURSES, await token())).status).toBe(200);
	});

	test('a push needs the replace scope', async () => {
		expectImsx(await push(THREE_COURSES, await token('readonly')), 403, 'scope');
	});
});

describe("the vendor's examples, byte for byte", () => {
	test('three courses: 200 with a claim link, three Relevant Coursework entries', async () => {
		const r = await push(THREE_COURSES, await token());
		expect(r.status).toBe(200);
		expect(Object.keys(r.body)).toEqual(['redirect_url']);
		const link = new URL(r.body.redirect_url);
		expect(`${link.origin}/smartresume`).toBe(sb.urls.smartResume);
		expect(link.pathname).toMatch(/^\/smartresume\/createmyresume\/[\w-]{20,}$/);

		const upload = (await control('GET', `/uploads/${link.pathname.split('/').pop()}`)).body;
		expect(upload.recipientId).toBe('474989023199323');
		expect(upload.entries.map((e: any) => [e.assertionId, e.section])).toEqual([
			['351843720888468', 'Relevant Coursework'],
			['369435906932892', 'Relevant Coursework'],
			['369435906932893', 'Relevant Coursework'],
		]);
		expect(upload.claimedAt).toBeNull();

		const page = await call('GET', r.body.redirect_url);
		expect(page.status).toBe(200);
		expect(page.headers.get('content-type')).toMatch(/^text\/html/);
		expect(page.body).toContain('First-Year Composition');
		expect(page.body).toContain('data-status="unclaimed"');
		expect((await control('GET', '/alerts')).body.alerts).toEqual([]);
	});

	test('SkillSync carrier: four verified skills, the carrier itself not imported', async () => {
		const r = await push(SKILLSYNC, await token());
		expect(r.status).toBe(200);
		const upload = (await control('GET', `/uploads/${r.body.redirect_url.split('/').pop()}`)).body;
		expect(upload.entries).toEqual([]);
		expect(upload.skills.map((s: any) => [s.name, s.verified, s.framework])).toEqual([
			['Teaching', true, 'INSTX'],
			['Leadership', true, 'INSTX'],
			['Quality Management', true, 'INSTX'],
			['Sales', true, 'INSTX'],
		]);
		expect((await control('GET', '/assertions')).body.assertions).toEqual([]);
	});

	test('the same carrier without proof gives self-asserted skills', async () => {
		const body = JSON.parse(SKILLSYNC);
		delete body.credentials[0].proof;
		const r = await push(body, await token());
		const upload = (await control('GET', `/uploads/${r.body.redirect_url.split('/').pop()}`)).body;
		expect(upload.skills.every((s: any) => s.verified === false)).toBe(true);
	});

	test('CLR 2.0 with a Profile subject carries the middle name', async () => {
		const body = `{"recipient": {"id": "clr-holder-1"}, "credentials": [${CLR}]}`;
		const r = await push(body, await token());
		expect(r.status).toBe(200);
		const upload = (await control('GET', `/uploads/${r.body.redirect_url.split('/').pop()}`)).body;
		expect(upload.profile).toEqual({
			givenName: 'Steve',
			familyName: 'McSteve',
			additionalName: 'Stevey',
		});
		expect(upload.entries).toEqual([
			expect.objectContaining({
				assertionId: 'http://example.edu/credentials/3732',
				kind: 'ClrCredential',
			}),
		]);
	});
});

describe('refusals', () => {
	type Mutate = (b: any) => void;
	test.each<[string, Mutate, string]>([
		['recipient.id', (b) => delete b.recipient.id, 'recipient.id'],
		['recipient.id empty', (b) => (b.recipient.id = ''), 'recipient.id'],
		['recipient', (b) => delete b.recipient, 'recipient'],
		['credentials', (b) => (b.credentials = []), 'credentials'],
		['credential id', (b) => delete b.credentials[1].id, 'credentials[1].id'],
		['credential name', (b) => delete b.credentials[0].name, 'credentials[0].name'],
		['type', (b) => (b.credentials[0].type = ['VerifiableCredential']), 'credentials[0].type'],
		[
			'achievement id',
			(b) => delete b.credentials[0].credentialSubject.achievement.id,
			'credentials[0].credentialSubject.achievement.id',
		],
		[
			'achievementType',
			(b) => delete b.credentials[2].credentialSubject.achievement.achievementType,
			'credentials[2].credentialSubject.achievement.achievementType',
		],
		[
			'achievement name',
			(b) => (b.credentials[0].credentialSubject.achievement.name = ''),
			'credentials[0].credentialSubject.achievement.name',
		],
		['issuer id', (b) => delete b.credentials[0].issuer.id, 'credentials[0].issuer.id'],
		['issuer name', (b) => delete b.credentials[0].issuer.name, 'credentials[0].issuer.name'],
		[
			'issuer as a string',
			(b) => (b.credentials[0].issuer = 'did:example:1'),
			'credentials[0].issuer',
		],
		['recipient email', (b) => (b.recipient.email = 'nope'), 'recipient.email'],
	])('missing or bad %s → 400 naming the field', async (_label, mutate, field) => {
		const body = threeCourses();
		mutate(body);
		const r = await push(body, await token());
		expectImsx(r, 400, field);
		expect(minor(r.body).imsx_codeMinorFieldValue).toBe('invalid_data');
		expect((await control('GET', '/uploads')).body.uploads).toEqual([]);
	});

	test('the same assertion id twice in one request → 400 naming the id, nothing stored', async () => {
		const body = threeCourses();
		body.credentials[2].id = body.credentials[0].id;
		const r = await push(body, await token());
		expectImsx(r, 400, 'credentials[2].id', /351843720888468/);
		expect((await control('GET', '/assertions')).body.assertions).toEqual([]);
	});

	test('a skill name over 40 characters → 400 naming the alignment', async () => {
		const body = JSON.parse(SKILLSYNC);
		body.credentials[0].credentialSubject.achievement.alignment[1].targetName = 'x'.repeat(41);
		expectImsx(
			await push(body, await token()),
			400,
			'credentials[0].credentialSubject.achievement.alignment[1].targetName',
		);
	});

	test('Profile names on a CLR subject without the Profile type → 400', async () => {
		const clr = JSON.parse(CLR);
		clr.credentialSubject.type = ['ClrSubject'];
		const r = await push({ recipient: { id: 'r' }, credentials: [clr] }, await token());
		expectImsx(r, 400, 'credentials[0].credentialSubject.givenName');
	});

	test('body not JSON → 400 Imsx; wrong method → 405', async () => {
		expectImsx(await push('{"recipient": ', await token()), 400);
		const get = await call('GET', `${sb.urls.smartResume}/api/v1/credentials`);
		expectImsx(get, 405);
	});

	test('rate limit and injected faults answer with Imsx bodies', async () => {
		const t = await token();
		sb.setSwitches({ faultRate: 1, faultKinds: ['500'] });
		const fault = await push(THREE_COURSES, t);
		expectImsx(fault, 500);
		expect(minor(fault.body).imsx_codeMinorFieldValue).toBe('internal_server_error');
	});
});

describe('achievement types and alerts', () => {
	test("the exported list is the vendor's (89 types, sections included)", () => {
		expect(ACHIEVEMENT_TYPES).toHaveLength(89);
		expect(new Map(ACHIEVEMENT_TYPES).get('ceterms:MasterDegree')).toBe('Education');
		expect(new Map(ACHIEVEMENT_TYPES).get('Membership')).toBe('Professional Affiliations');
	});

	test('an unknown achievementType is accepted and raises an admin alert', async () => {
		const body = threeCourses();
		body.credentials[1].credentialSubject.achievement.achievementType = 'Bootcamp';
		const r = await push(body, await token());
		expect(r.status).toBe(200);
		expect((await control('GET', '/alerts')).body.alerts).toEqual([
			expect.objectContaining({
				kind: 'unknown_achievement_type',
				assertionId: '369435906932892',
				value: 'Bootcamp',
			}),
		]);
	});
});

describe('assertion ownership', () => {
	test('a re-push for the same recipient updates the assertion (version + 1)', async () => {
		const t = await token();
		await push(THREE_COURSES, t);
		const body = threeCourses();
		body.credentials[0].name = 'Calculus I (renamed)';
		await push(body, t);
		const a = (await control('GET', '/assertions')).body.assertions.find(
			(x: any) => x.id === '351843720888468',
		);
		expect(a).toMatchObject({ version: 2, pushes: 2, ownerRecipientId: '474989023199323' });
		expect(a.credential.name).toBe('Calculus I (renamed)');
	});

	test('another recipient cannot take a claimed assertion; the first claimant owns it', async () => {
		const t = await token();
		const first = await push(THREE_COURSES, t);
		const other = threeCourses();
		other.recipient.id = 'second-tester';
		const second = await push(other, t);
		expect(second.status).toBe(200);

		const tokenOf = (r: Answer) => r.body.redirect_url.split('/').pop();
		const claimed = (await control('POST', `/claims/${tokenOf(first)}`)).body;
		expect(claimed.entries.every((e: any) => !e.ownedByOther)).toBe(true);
		const late = (await control('POST', `/claims/${tokenOf(second)}`)).body;
		expect(late.entries.every((e: any) => e.ownedByOther)).toBe(true);

		const a = (await control('GET', '/assertions')).body.assertions.find(
			(x: any) => x.id === '351843720888468',
		);
		expect(a).toMatchObject({
			claimedBy: '474989023199323',
			version: 1,
			pushes: 2,
			recipientIds: ['474989023199323', 'second-tester'],
		});
		const alerts = (await control('GET', '/alerts')).body.alerts;
		expect(alerts.filter((x: any) => x.kind === 'assertion_owned_by_other')).toHaveLength(3);

		// Pushed again for the second tester after the claim: flagged at once.
		const third = (await control('GET', `/uploads/${tokenOf(await push(other, t))}`)).body;
		expect(third.entries.every((e: any) => e.ownedByOther)).toBe(true);
		const page = await call('GET', first.body.redirect_url);
		expect(page.body).toContain('data-status="claimed"');
	});
});

describe('use case 3: recipienttoken and redirectURL', () => {
	test('SmartResume sends the user to the partner; the push lands on their resume; the redirect completes it', async () => {
		const { body: req } = await control('POST', '/import-requests', {
			partnerUrl: 'https://partner.example/import?from=sr',
			userId: 'sr-user-42',
		});
		const browser = new URL(req.browserUrl);
		expect(browser.origin + browser.pathname).toBe('https://partner.example/import');
		expect(browser.searchParams.get('from')).toBe('sr');
		expect(browser.searchParams.get('recipientToken')).toBe(req.recipientToken);
		expect(browser.searchParams.get('redirectURL')).toBe(req.redirectURL);
		expect(req.redirectURL.startsWith(`${sb.urls.smartResume}/import/complete?state=`)).toBe(true);

		const body = threeCourses();
		delete body.recipient; // [assumed] no personal data needed in use case 3
		body.recipienttoken = req.recipientToken;
		const t = await token();
		const r = await push(body, t);
		expect(r.status).toBe(200);
		const upload = (await control('GET', `/uploads/${r.body.redirect_url.split('/').pop()}`)).body;
		expect(upload).toMatchObject({
			recipientId: 'sr-user-42',
			importRequestId: req.id,
			claimedAt: expect.any(String),
		});

		const landing = await call('GET', req.redirectURL);
		expect(landing.status).toBe(200);
		expect(landing.body).toContain('data-status="completed"');
		const after = (await control('GET', '/import-requests')).body.importRequests[0];
		expect(after).toMatchObject({ status: 'completed', uploads: [upload.token] });

		expectImsx(await push(body, t), 403, 'recipienttoken');
	});

	test('an unknown recipient token is refused with 403 and nothing is stored', async () => {
		const body = threeCourses();
		body.recipienttoken = 'made-up';
		expectImsx(await push(body, await token()), 403, 'recipienttoken', /recipient token/);
		expect((await control('GET', '/uploads')).body.uploads).toEqual([]);
		expect((await call('GET', `${sb.urls.smartResume}/import/complete?state=nope`)).status).toBe(
			404,
		);
	});
});

// The SEEK Pass emulator against its published reference (/work/shared/api/seek-pass-reference.md):
// token, v1 Add, status, verify, webhooks. v2 Add, batches, upload links and scopes per partner:
// seekpass-v2.test.cts.
import { createHmac } from 'node:crypto';
import { startSandbox, type Sandbox } from '../../../sandbox/index.cjs';
import { createSeekPassModule } from '../../../sandbox/seekpass/index.cjs';
import { call, startReceiver } from './http.cjs';

const TOKEN = '/api/partner/v1/oauth/token.json';
const ALL_SCOPES =
	'write.education write.english_proficiency write.microcredential write.digital_identity read.digital_identity write.right_to_work write.career_history write.universal';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const HOUR = 3600_000;

let sb: Sandbox;
let base: string;

async function token(scope?: string): Promise<string> {
	const res = await call(`${base}${TOKEN}`, {
		form: {
			grant_type: 'client_credentials',
			client_id: sb.demo.seekPass.clientId,
			client_secret: sb.demo.seekPass.clientSecret,
			...(scope === undefined ? {} : { scope }),
		},
	});
	expect(res.status).toBe(200);
	return res.body.access_token as string;
}

const post = (path: string, json: unknown, t: string) => call(`${base}${path}`, { json, token: t });
const get = (path: string, t: string) => call(`${base}${path}`, { token: t });
const control = (path: string, json?: unknown) =>
	call(`${sb.urls.control}/seekpass${path}`, json === undefined ? {} : { json });

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

// The vendor's own example (seekpass-add-credential.txt), document placeholder as given.
const vendorEducation = (): Body => ({
	id: 'seek-pass-test-a9a4839f-53d9-4064-8b0b-1348113a33f8',
	document_type: 'open_cert',
	credential_type: 'education',
	data: {
		credential: {
			full_name: 'John Smith',
			education_provider: 'University of Melbourne',
			course_name: 'Bachelor of Commerce',
			conferral_year: '2024',
			has_majors: true,
			majors: ['Finance'],
			with_honours: true,
		},
		document: '<OPEN_CERTS>',
	},
});

const english = (): Body => ({
	id: 'ielts-1',
	document_type: 'english_assessment',
	credential_type: 'english_proficiency',
	data: {
		credential: {
			full_name: 'Jane Doe',
			test_provider: 'IDP',
			test_name: 'IELTS Academic',
			completion_date: '2024-05-20',
			expiry_date: '2026-05-20',
			test_scores: {
				cefr_scores: { combined: 'C1', reading: 'C1' },
				overall: { score: '7.5', scale: '0-9' },
				subskills: [{ skill: 'reading', score: '8' }],
				partner_chain: [{ name: 'Test Centre Sydney' }],
			},
		},
		document: 'https://files.example.org/ielts.pdf',
	},
});

const micro = (): Body => ({
	id: 'micro-1',
	document_type: 'none',
	credential_type: 'microcredential',
	data: {
		credential: {
			full_name: 'Jane Doe',
			issuer_name: 'Certifier Academy',
			microcredential_name: 'Data Basics',
			issue_date: '2024-02-29',
		},
	},
});

const identity = (): Body => ({
	id: 'id-1',
	document_type: 'none',
	credential_type: 'digital_identity',
	data: {
		credential: {
			full_name: 'Jane Doe',
			identity_document_validity: 'government_database',
			identity_document_liveness: 'automated',
			identity_document_person_match: 'automated',
			date_of_birth: '1990-01-01',
		},
	},
});

const PAGES: Record<string, string> = {
	education: 'education',
	english_proficiency: 'englishProficiency',
	microcredential: 'microcredential',
	digital_identity: 'digitalIdentity',
};

const edit = (body: Body, change: (b: Body) => void): Body => {
	const copy = structuredClone(body);
	change(copy);
	return copy;
};

beforeAll(async () => {
	sb = await startSandbox({ port: 0, modules: [createSeekPassModule()] });
	base = sb.urls.seekPass;
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => sb.reset());

describe('OAuth token', () => {
	test('form body grants a HS512 JWT with all eight scopes by default', async () => {
		const res = await call(`${base}${TOKEN}`, {
			form: {
				grant_type: 'client_credentials',
				client_id: 'sandbox-seekpass-client',
				client_secret: 'sandbox-seekpass-secret',
			},
		});
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			access_token: expect.any(String),
			token_type: 'Bearer',
			expires_in: 3600,
			scope: ALL_SCOPES,
		});
		const [h, p, s] = (res.body.access_token as string).split('.');
		expect(s).toBeTruthy();
		expect(JSON.parse(Buffer.from(h!, 'base64url').toString())).toEqual({
			alg: 'HS512',
			typ: 'JWT',
		});
		const claims = JSON.parse(Buffer.from(p!, 'base64url').toString());
		expect(claims).toMatchObject({ sub: 'sandbox-seekpass-client', scope: ALL_SCOPES });
		expect(claims.exp - claims.iat).toBe(3600);
	});

	test('a requested subset is granted as asked; the TTL follows the switch', async () => {
		sb.setSwitches({ tokenTtlSeconds: 60 });
		const res = await call(`${base}${TOKEN}`, {
			form: {
				grant_type: 'client_credentials',
				client_id: sb.demo.seekPass.clientId,
				client_secret: sb.demo.seekPass.clientSecret,
				scope: 'write.education',
			},
		});
		expect(res.body).toMatchObject({ scope: 'write.education', expires_in: 60 });
	});

	test.each([
		[
			'Basic header only',
			{
				form: { grant_type: 'client_credentials' },
				headers: {
					authorization: `Basic ${Buffer.from('sandbox-seekpass-client:sandbox-seekpass-secret').toString('base64')}`,
				},
			},
			401,
			'invalid_client',
		],
		[
			'wrong secret',
			{
				form: {
					grant_type: 'client_credentials',
					client_id: 'sandbox-seekpass-client',
					client_secret: 'nope',
				},
			},
			401,
			'invalid_client',
		],
		[
			'unknown scope',
			{
				form: {
					grant_type: 'client_credentials',
					client_id: 'sandbox-seekpass-client',
					client_secret: 'sandbox-seekpass-secret',
					scope: 'write.education write.everything',
				},
			},
			400,
			'invalid_scope',
		],
		[
			'other grant',
			{
				form: {
					grant_type: 'password',
					client_id: 'sandbox-seekpass-client',
					client_secret: 'sandbox-seekpass-secret',
				},
			},
			400,
			'unsupported_grant_type',
		],
		[
			'JSON body',
			{
				json: {
					grant_type: 'client_credentials',
					client_id: 'sandbox-seekpass-client',
					client_secret: 'sandbox-seekpass-secret',
				},
			},
			400,
			'invalid_request',
		],
	])('%s is refused', async (_name, options, status, code) => {
		const res = await call(`${base}${TOKEN}`, options);
		expect(res.status).toBe(status);
		expect(res.body.error).toBe(code);
		expect(res.body.error_description).toEqual(expect.any(String));
	});

	test('tokens expire on the virtual clock and on expireTokens()', async () => {
		const t = await token();
		expect((await get('/api/partner/v2/webhooks', t)).status).toBe(200);
		sb.advanceClock(3599_000);
		expect((await get('/api/partner/v2/webhooks', t)).status).toBe(200);
		sb.advanceClock(2_000);
		const expired = await get('/api/partner/v2/webhooks', t);
		expect(expired.status).toBe(401);
		expect(expired.body.error).toBe('invalid_token');
		expect(expired.headers.get('www-authenticate')).toContain('invalid_token');

		const t2 = await token();
		expect((await get('/api/partner/v2/webhooks', t2)).status).toBe(200);
		sb.expireTokens('seekPass');
		expect((await get('/api/partner/v2/webhooks', t2)).status).toBe(401);
		expect((await get('/api/partner/v2/webhooks', 'not-a-jwt')).status).toBe(401);
		expect((await call(`${base}/api/partner/v2/webhooks`)).status).toBe(401);
	});
});

describe('Add to SEEK Pass', () => {
	test("the vendor's education example is accepted with the documented redirect_uri (literal &)", async () => {
		const res = await post('/api/partner/v1/add/education.json', vendorEducation(), await token());
		expect(res.status).toBe(201);
		expect(Object.keys(res.body)).toEqual(['redirect_uri']);
		expect(res.body.redirect_uri).toMatch(
			new RegExp(
				`^${sb.origin}/seekpass/partner/add/education#clientId=sandbox-seekpass-client&documentType=open_cert&content=${UUID}$`,
			),
		);
		expect(res.text).toContain('&documentType=');
		expect(res.text).not.toContain('\\u0026');
	});

	test.each([
		['education', () => vendorEducation()],
		[
			'education awaiting graduation, no year',
			() =>
				edit(vendorEducation(), (b) => {
					delete b.data.credential.conferral_year;
					b.data.credential.awaiting_graduation = true;
				}),
		],
		[
			'education with transcript, pdf',
			() =>
				edit(vendorEducation(), (b) => {
					b.document_type = 'pdf';
					b.data.document = 'https://files.example.org/degree.pdf';
					b.data.credential.partner_chain = [{ name: 'Registrar' }];
					b.data.credential.transcript = {
						overall: { issuance_date: '2024-12-01', score: '3.8' },
						subjects: [
							{
								name: 'Finance 101',
								code: 'FIN101',
								grade: 'HD',
								completion_date: '2024-06-30',
								credit: '12.5',
							},
						],
					};
				}),
		],
		['english_proficiency', () => english()],
		['microcredential', () => micro()],
		[
			'microcredential png',
			() =>
				edit(micro(), (b) => {
					b.document_type = 'png';
					b.data.document = 'https://files.example.org/badge.png';
				}),
		],
		['digital_identity', () => identity()],
	])('valid %s → 201 (v1, and its credential as v2 fields)', async (_name, make) => {
		const t = await token();
		const body = make();
		const v1 = await post(`/api/partner/v1/add/${body.credential_type}.json`, body, t);
		expect(v1.status).toBe(201);
		// The redirect path is camelCase (englishProficiency is published; digitalIdentity assumed).
		expect(v1.body.redirect_uri).toContain(`/partner/add/${PAGES[body.credential_type]}#clientId=`);
		// v2 is {credential_id, fields}: the v1 envelope is refused there (seekpass-v2.test.cts).
		const v2 = await post(
			`/api/partner/v2/add/requests/${body.credential_type}.json`,
			{ credential_id: `${body.id}-v2`, fields: body.data.credential },
			t,
		);
		expect(v2.status).toBe(201);
	});

	test.each([
		[
			'education without conferral_year',
			() => edit(vendorEducation(), (b) => delete b.data.credential.conferral_year),
			'data.credential.conferral_year',
		],
		[
			'education year not YYYY',
			() => edit(vendorEducation(), (b) => (b.data.credential.conferral_year = '24')),
			'data.credential.conferral_year',
		],
		[
			'education missing course_name',
			() => edit(vendorEducation(), (b) => delete b.data.credential.course_name),
			'data.credential.course_name',
		],
		[
			'education document_type png',
			() => edit(vendorEducation(), (b) => (b.document_type = 'png')),
			'document_type',
		],
		[
			'credential_type not the path',
			() => edit(vendorEducation(), (b) => (b.credential_type = 'microcredential')),
			'credential_type',
		],
		[
			'transcript subject without grade',
			() =>
				edit(
					vendorEducation(),
					(b) =>
						(b.data.credential.transcript = {
							overall: { issuance_date: '2024-12-01' },
							subjects: [{ name: 'A', code: 'B', completion_date: '2024-01-01' }],
						}),
				),
			'data.credential.transcript.subjects[0].grade',
		],
		[
			'transcript without issuance_date',
			() =>
				edit(
					vendorEducation(),
					(b) => (b.data.credential.transcript = { overall: { score: '1' } }),
				),
			'data.credential.transcript.overall.issuance_date',
		],
		[
			'partner_chain without name',
			() => edit(vendorEducation(), (b) => (b.data.credential.partner_chain = [{}])),
			'data.credential.partner_chain[0].name',
		],
		[
			'unknown credential field',
			() => edit(vendorEducation(), (b) => (b.data.credential.gpa = '4')),
			'data.credential',
		],
		['missing id', () => edit(vendorEducation(), (b) => delete b.id), 'id'],
		[
			'pdf without a URL document',
			() =>
				edit(vendorEducation(), (b) => {
					b.document_type = 'pdf';
					b.data.document = 'not a url';
				}),
			'data.document',
		],
		[
			'english without overall scale',
			() => edit(english(), (b) => delete b.data.credential.test_scores.overall.scale),
			'data.credential.test_scores.overall.scale',
		],
		[
			'english without cefr_scores',
			() => edit(english(), (b) => delete b.data.credential.test_scores.cefr_scores),
			'data.credential.test_scores.cefr_scores',
		],
		[
			'english impossible date',
			() => edit(english(), (b) => (b.data.credential.completion_date = '2024-13-01')),
			'data.credential.completion_date',
		],
		[
			'english document_type pdf',
			() => edit(english(), (b) => (b.document_type = 'pdf')),
			'document_type',
		],
		[
			'microcredential bad issue_date',
			() => edit(micro(), (b) => (b.data.credential.issue_date = '2023-02-29')),
			'data.credential.issue_date',
		],
		[
			'microcredential missing issuer_name',
			() => edit(micro(), (b) => delete b.data.credential.issuer_name),
			'data.credential.issuer_name',
		],
		[
			'digital_identity bad enum',
			() => edit(identity(), (b) => (b.data.credential.identity_document_liveness = 'video')),
			'data.credential.identity_document_liveness',
		],
		[
			'digital_identity document_type pdf',
			() => edit(identity(), (b) => (b.document_type = 'pdf')),
			'document_type',
		],
	])('%s → 400 naming the field', async (_name, make, field) => {
		const body = make();
		const pathType = field === 'credential_type' ? 'education' : body.credential_type;
		const res = await post(`/api/partner/v1/add/${pathType}.json`, body, await token());
		expect(res.status).toBe(400);
		expect(res.body.error).toBe('validation_error');
		expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
		expect(res.body.error_description).toContain(field);
		expect((await control('/submissions')).body.requests).toEqual([]);
	});

	test('a body that is not JSON → 415', async () => {
		const res = await call(`${base}/api/partner/v1/add/education.json`, {
			raw: 'id=1',
			headers: { 'content-type': 'text/plain' },
			token: await token(),
		});
		expect(res.status).toBe(415);
		expect(res.body.error).toBe('unsupported_media_type');
	});

	test('unknown credential type in the path → 404', async () => {
		const res = await post('/api/partner/v1/add/passport.json', vendorEducation(), await token());
		expect(res.status).toBe(404);
		expect(res.body.error).toBe('not_found');
	});

	test('scopes: each type needs its write scope', async () => {
		const onlyEducation = await token('write.education');
		expect(
			(await post('/api/partner/v1/add/education.json', vendorEducation(), onlyEducation)).status,
		).toBe(201);
		const denied = await post('/api/partner/v1/add/microcredential.json', micro(), onlyEducation);
		expect(denied.status).toBe(403);
		expect(denied.body.error).toBe('insufficient_scope');
		expect(denied.headers.get('www-authenticate')).toContain('write.microcredential');
		expect(
			(
				await post(
					'/api/partner/v1/add/digital_identity.json',
					identity(),
					await token('read.digital_identity'),
				)
			).status,
		).toBe(403);
	});

	test('same id within 48 h: same redirect, no new submission; after 48 h: canceled, then a new one', async () => {
		const t = await token();
		const id = vendorEducation().id;
		const first = await post('/api/partner/v1/add/education.json', vendorEducation(), t);
		sb.advanceClock(47 * HOUR);
		const again = await post(
			'/api/partner/v1/add/education.json',
			vendorEducation(),
			await token(),
		);
		expect(again.status).toBe(201);
		expect(again.body.redirect_uri).toBe(first.body.redirect_uri);
		let dump = (await control('/submissions')).body;
		expect(dump.requests).toHaveLength(1);
		expect(dump.history[id]).toEqual({ creations: 1, repeats: 1 });
		expect(
			(await get(`/api/partner/v1/submissions/${id}/status.json`, await token())).body,
		).toEqual({ id, status: 'incomplete', finalized_at: null });

		sb.advanceClock(1 * HOUR + 1000);
		const t2 = await token();
		const canceled = await get(`/api/partner/v1/submissions/${id}/status.json`, t2);
		expect(canceled.body).toEqual({ id, status: 'canceled', finalized_at: expect.any(String) });

		const fresh = await post('/api/partner/v1/add/education.json', vendorEducation(), t2);
		expect(fresh.status).toBe(201);
		expect(fresh.body.redirect_uri).not.toBe(first.body.redirect_uri);
		dump = (await control('/submissions')).body;
		expect(dump.requests).toHaveLength(1);
		expect(dump.history[id]).toEqual({ creations: 2, repeats: 1 });
		expect((await get(`/api/partner/v1/submissions/${id}/status.json`, t2)).body.status).toBe(
			'incomplete',
		);
	});

	test('a faulted Add changes nothing, so retrying it is safe', async () => {
		const t = await token();
		sb.setSwitches({ faultRate: 1, faultKinds: ['503'] });
		expect((await post('/api/partner/v1/add/education.json', vendorEducation(), t)).status).toBe(
			503,
		);
		sb.setSwitches({ faultRate: 0 });
		expect((await control('/submissions')).body.requests).toEqual([]);
		expect((await post('/api/partner/v1/add/education.json', vendorEducation(), t)).status).toBe(
			201,
		);
		expect((await control('/submissions')).body.history).toEqual({
			[vendorEducation().id]: { creations: 1, repeats: 0 },
		});
	});
});

describe('Status API', () => {
	test('single: incomplete → verified with finalized_at when the holder accepts; unknown → 404', async () => {
		const t = await token();
		await post('/api/partner/v1/add/microcredential.json', micro(), t);
		const content = (await control('/submissions')).body.requests[0].content;
		// The holder page knows only the redirect's content id.
		const accepted = await control(`/submissions/${content}`, { status: 'verified' });
		expect(accepted.status).toBe(200);
		const res = await get('/api/partner/v1/submissions/micro-1/status.json', t);
		expect(res.body).toEqual({
			id: 'micro-1',
			status: 'verified',
			finalized_at: accepted.body.finalized_at,
		});
		expect(Date.parse(res.body.finalized_at)).not.toBeNaN();
		expect((await control('/submissions/micro-1', { status: 'canceled' })).status).toBe(409);
		const missing = await get('/api/partner/v1/submissions/nope/status.json', t);
		expect(missing.status).toBe(404);
		expect(missing.body.error).toBe('not_found');
	});

	test('batch: known ids answered, unknown ids omitted; more than 30 ids → 400', async () => {
		const t = await token();
		await post('/api/partner/v1/add/microcredential.json', micro(), t);
		await post('/api/partner/v1/add/digital_identity.json', identity(), t);
		await control('/submissions/id-1', { status: 'canceled' });
		const res = await post(
			'/api/partner/v1/submissions/status.json',
			{ ids: ['micro-1', 'ghost', 'id-1'] },
			t,
		);
		expect(res.status).toBe(200);
		expect(res.body).toEqual({
			credentials: [
				{ id: 'micro-1', status: 'incomplete', finalized_at: null },
				{ id: 'id-1', status: 'canceled', finalized_at: expect.any(String) },
			],
		});
		const ids31 = Array.from({ length: 31 }, (_, i) => `id-${i}`);
		const tooMany = await post('/api/partner/v1/submissions/status.json', { ids: ids31 }, t);
		expect(tooMany.status).toBe(400);
		expect(tooMany.body.details[0].field).toBe('ids');
		expect(
			(await post('/api/partner/v1/submissions/status.json', { ids: ids31.slice(0, 30) }, t))
				.status,
		).toBe(200);
		expect((await post('/api/partner/v1/submissions/status.json', { ids: [] }, t)).status).toBe(
			400,
		);
	});
});

describe('Batch v1', () => {
	// §6.1: {id, credentials: [{id, credential_type, data: {credential}}]}.
	const batch = (): Body => ({
		id: 'b-1',
		credentials: [
			{
				id: 'b-id',
				credential_type: 'digital_identity',
				data: { credential: identity().data.credential },
			},
			{
				id: 'b-edu-1',
				credential_type: 'education',
				data: { credential: vendorEducation().data.credential },
			},
		],
	});

	test('201 with a batch redirect (no documentType); statuses for the batch id and its items; same id → same answer', async () => {
		const t = await token();
		const res = await post('/api/partner/v1/add/batch.json', batch(), t);
		expect(res.status).toBe(201);
		expect(res.body).toEqual({
			redirect_uri: expect.stringMatching(
				new RegExp(
					`^${sb.origin}/seekpass/partner/add/batch#clientId=sandbox-seekpass-client&content=${UUID}$`,
				),
			),
		});
		const statuses = await post(
			'/api/partner/v1/submissions/status.json',
			{ ids: ['b-1', 'b-id', 'b-edu-1'] },
			t,
		);
		expect(statuses.body.credentials.map((c: { status: string }) => c.status)).toEqual([
			'incomplete',
			'incomplete',
			'incomplete',
		]);
		const again = await post('/api/partner/v1/add/batch.json', batch(), t);
		expect(again.body).toEqual(res.body);
		const dump = (await control('/submissions')).body;
		expect(dump.requests).toHaveLength(1);
		expect(dump.requests[0]).toMatchObject({ kind: 'batch', api_version: 'v1', request_id: 'b-1' });
	});

	test.each([
		[
			'an invalid item',
			(b: Body) => delete b.credentials[1].data.credential.course_name,
			'credentials[1].data.credential.course_name',
		],
		['no id', (b: Body) => delete b.id, 'id'],
		['no credentials', (b: Body) => (b.credentials = []), 'credentials'],
		[
			'an unknown credential_type',
			(b: Body) => (b.credentials[1].credential_type = 'passport'),
			'credentials[1].credential_type',
		],
		[
			'universal_credential (v2 only)',
			(b: Body) => (b.credentials[1].credential_type = 'universal_credential'),
			'credentials[1].credential_type',
		],
		['a repeated item id', (b: Body) => (b.credentials[1].id = 'b-id'), 'credentials[1].id'],
		['the v2 shape', (b: Body) => (b.education_items = []), '(body)'],
	])('%s → 400 naming the field', async (_name, change, field) => {
		const res = await post('/api/partner/v1/add/batch.json', edit(batch(), change), await token());
		expect(res.status).toBe(400);
		expect(res.body.error).toBe('validation_error');
		expect(res.body.details.map((d: { field: string }) => d.field)).toContain(field);
		expect((await control('/submissions')).body.requests).toEqual([]);
	});

	test('the token must hold the write scope of every type in the batch', async () => {
		const scoped = await post(
			'/api/partner/v1/add/batch.json',
			batch(),
			await token('write.education'),
		);
		expect(scoped.status).toBe(403);
		expect(scoped.body.error).toBe('insufficient_scope');
		expect(scoped.body.error_description).toContain('write.digital_identity');
		const both = await token('write.education write.digital_identity');
		expect((await post('/api/partner/v1/add/batch.json', batch(), both)).status).toBe(201);
	});
});

describe('Verify with SEEK Pass and webhooks', () => {
	const verifyBody = {
		request_id: '7cbc7e51-82f5-43ec-8d63-b7cdf1170425',
		callback_url: 'https://www.partner.com/callback',
		display_options: {
			partner_name: 'Acme Hiring',
			partner_logo_url: 'https://www.partner.com/logo.png',
		},
		request_source: [{ name: 'ATS' }],
		metadata: {
			position_title: 'Analyst',
			position_url: 'https://jobs.example.org/1',
			position_location: 'Melbourne',
			job_categories: 'Finance',
			applied_on_seek: true,
		},
	};

	test('create (scopes, validation, generated id) and read the result', async () => {
		expect(
			(
				await post(
					'/api/partner/v2/verify/requests/digital_identity.json',
					verifyBody,
					await token('read.digital_identity'),
				)
			).status,
		).toBe(403);
		const t = await token();
		const res = await post('/api/partner/v2/verify/requests/digital_identity.json', verifyBody, t);
		expect(res.status).toBe(201);
		expect(res.body).toEqual({
			request_id: verifyBody.request_id,
			redirect_uri: `${sb.origin}/seekpass/partner/verify#clientId=sandbox-seekpass-client&content=${verifyBody.request_id}`,
		});
		const generated = await post(
			'/api/partner/v2/verify/requests/digital_identity.json',
			{ display_options: { partner_name: 'Acme' } },
			t,
		);
		expect(generated.body.request_id).toMatch(new RegExp(`^${UUID}$`));
		const bad = await post(
			'/api/partner/v2/verify/requests/digital_identity.json',
			{ display_options: {} },
			t,
		);
		expect(bad.status).toBe(400);
		expect(bad.body.details[0].field).toBe('display_options.partner_name');

		const read = await get(
			`/api/partner/v2/verify/requests/${verifyBody.request_id}.json`,
			await token('read.digital_identity'),
		);
		expect(read.body).toEqual({
			request_id: verifyBody.request_id,
			status: 'incomplete',
			credential: null,
			verified_at: null,
		});
		expect((await get('/api/partner/v2/verify/requests/nope.json', t)).status).toBe(404);
		expect(
			(
				await get(
					`/api/partner/v2/verify/requests/${verifyBody.request_id}.json`,
					await token('write.education'),
				)
			).status,
		).toBe(403);
	});

	test('completion sends a signed event to every webhook; redelivery repeats the event id', async () => {
		const receiver = await startReceiver();
		try {
			const t = await token();
			const hook = await post('/api/partner/v2/webhooks', { name: 'n8n', url: receiver.url }, t);
			expect(hook.status).toBe(201);
			await post('/api/partner/v2/verify/requests/digital_identity.json', verifyBody, t);
			const done = await control(`/verifications/${verifyBody.request_id}`, {
				status: 'verified',
				credential: { full_name: 'Jane Doe', date_of_birth: '1990-01-01' },
			});
			expect(done.status).toBe(200);
			expect(done.body.deliveries).toEqual([expect.objectContaining({ status: 200 })]);

			expect(receiver.received).toHaveLength(1);
			const [got] = receiver.received;
			const event = JSON.parse(got!.rawBody);
			expect(event).toEqual({
				event_id: expect.stringMatching(new RegExp(`^${UUID}$`)),
				request_id: verifyBody.request_id,
				type: 'vwsp_request.verified',
				created_at: expect.any(String),
			});
			const ts = got!.headers['x-timestamp'] as string;
			expect(ts).toMatch(/^\d+$/);
			const expected = createHmac('sha256', hook.body.secret)
				.update(`${ts}.${got!.rawBody}`)
				.digest('hex');
			expect(got!.headers['x-signature']).toBe(expected);
			expect(sb.webhookDeliveries()).toEqual([
				expect.objectContaining({
					service: 'seekPass',
					url: receiver.url,
					body: got!.rawBody,
					status: 200,
				}),
			]);

			const result = await get(`/api/partner/v2/verify/requests/${verifyBody.request_id}.json`, t);
			expect(result.body).toEqual({
				request_id: verifyBody.request_id,
				status: 'verified',
				credential: { full_name: 'Jane Doe', date_of_birth: '1990-01-01' },
				verified_at: expect.any(String),
			});

			const again = await control(`/webhooks/${hook.body.id}/redeliver/${event.event_id}`, {});
			expect(again.body.status).toBe(200);
			expect(JSON.parse(receiver.received[1]!.rawBody).event_id).toBe(event.event_id);

			const tampered = await control(`/webhooks/${hook.body.id}/send`, {
				signature: 'deadbeef',
				timestamp: 1,
			});
			expect(tampered.body.status).toBe(200);
			expect(receiver.received[2]!.headers).toMatchObject({
				'x-signature': 'deadbeef',
				'x-timestamp': '1',
			});

			await control(`/verifications/${verifyBody.request_id}`, { status: 'canceled' });
			expect(JSON.parse(receiver.received[3]!.rawBody).type).toBe('vwsp_request.canceled');
		} finally {
			await receiver.close();
		}
	});

	test('an unreachable webhook is recorded with an error, never thrown', async () => {
		const receiver = await startReceiver();
		const deadUrl = receiver.url;
		await receiver.close();
		const t = await token();
		await post('/api/partner/v2/webhooks', { url: deadUrl }, t);
		await post('/api/partner/v2/verify/requests/digital_identity.json', verifyBody, t);
		const done = await control(`/verifications/${verifyBody.request_id}`, { status: 'verified' });
		expect(done.status).toBe(200);
		expect(sb.webhookDeliveries()).toEqual([
			expect.objectContaining({ status: null, error: expect.any(String) }),
		]);
	});
});

describe('Webhook management', () => {
	test('create returns a 64-hex secret; list/get omit it; update; rotate; delete', async () => {
		const t = await token('write.education');
		const created = await post(
			'/api/partner/v2/webhooks',
			{ name: 'a', description: 'd', url: 'https://example.org/hook' },
			t,
		);
		expect(created.status).toBe(201);
		expect(created.body).toEqual({
			id: expect.any(String),
			name: 'a',
			description: 'd',
			url: 'https://example.org/hook',
			secret: expect.stringMatching(/^[0-9a-f]{64}$/),
		});
		const { id, secret } = created.body;

		const list = await get('/api/partner/v2/webhooks', t);
		expect(list.body).toEqual([
			{ id, name: 'a', description: 'd', url: 'https://example.org/hook' },
		]);
		expect((await get(`/api/partner/v2/webhooks/${id}`, t)).body).not.toHaveProperty('secret');

		const updated = await call(`${base}/api/partner/v2/webhooks`, {
			method: 'PUT',
			json: { id, url: 'https://example.org/v2' },
			token: t,
		});
		expect(updated.status).toBe(200);
		expect(updated.body).toMatchObject({ id, url: 'https://example.org/v2', name: 'a' });

		const rotated = await call(`${base}/api/partner/v2/webhooks/${id}/secret`, {
			method: 'PUT',
			token: t,
		});
		expect(rotated.body.secret).toMatch(/^[0-9a-f]{64}$/);
		expect(rotated.body.secret).not.toBe(secret);

		expect(
			(await call(`${base}/api/partner/v2/webhooks/${id}`, { method: 'DELETE', token: t })).status,
		).toBe(204);
		expect((await get(`/api/partner/v2/webhooks/${id}`, t)).status).toBe(404);
		expect((await post('/api/partner/v2/webhooks', { url: 'ftp://example.org' }, t)).status).toBe(
			400,
		);
	});
});

describe('holder pages and reset', () => {
	test('the redirect URIs open a small Accept/Decline page', async () => {
		for (const path of [
			'/partner/add/education',
			'/partner/add/englishProficiency',
			'/partner/verify',
		]) {
			const res = await call(`${base}${path}`);
			expect(res.status).toBe(200);
			expect(res.headers.get('content-type')).toContain('text/html');
			expect(res.text).toContain('Accept');
		}
	});

	test('reset drops submissions, verifications and webhooks', async () => {
		const t = await token();
		await post('/api/partner/v1/add/education.json', vendorEducation(), t);
		await post('/api/partner/v2/webhooks', { url: 'https://example.org/h' }, t);
		sb.reset();
		const state = (await call(`${sb.urls.control}/state`)).body;
		expect(state.services.seekPass).toMatchObject({ requests: 0, verifications: 0, webhooks: 0 });
		expect((await control('/submissions')).body).toEqual({ requests: [], history: {} });
	});
});

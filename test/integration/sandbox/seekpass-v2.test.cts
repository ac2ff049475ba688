// The SEEK Pass emulator against the reference's seven credential types (v1 and v2), v2 batches
// with their upload links, scopes per partner and the status of v2 ids
// (/work/shared/api/seek-pass-reference.md; readings fixed in SEEKPASS-CONTRACT.md).
import { createHash } from 'node:crypto';
import { startSandbox, type Sandbox } from '../../../sandbox/index.cjs';
import { createSeekPassModule } from '../../../sandbox/seekpass/index.cjs';
import { call } from './http.cjs';

const TOKEN = '/api/partner/v1/oauth/token.json';
const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

let sb: Sandbox;
let base: string;

type Body = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

async function tokenFor(clientId: string, clientSecret: string, scope?: string) {
	return call(`${base}${TOKEN}`, {
		form: {
			grant_type: 'client_credentials',
			client_id: clientId,
			client_secret: clientSecret,
			...(scope === undefined ? {} : { scope }),
		},
	});
}
async function token(scope?: string): Promise<string> {
	const res = await tokenFor(sb.demo.seekPass.clientId, sb.demo.seekPass.clientSecret, scope);
	expect(res.status).toBe(200);
	return res.body.access_token as string;
}
const post = (path: string, json: unknown, t: string) => call(`${base}${path}`, { json, token: t });
const control = (path: string, json?: unknown) =>
	call(`${sb.urls.control}/seekpass${path}`, json === undefined ? {} : { json });
const put = (url: string, body: string | Buffer, contentType?: string) =>
	call(url, {
		method: 'PUT',
		raw: body,
		headers: contentType === undefined ? {} : { 'content-type': contentType },
	});

const edit = (body: Body, change: (b: Body) => void): Body => {
	const copy = structuredClone(body);
	change(copy);
	return copy;
};

// One valid credential per type, as `fields` (v2) = `data.credential` (v1).
const FIELDS: Record<string, () => Body> = {
	education: () => ({
		full_name: 'John Smith',
		education_provider: 'University of Melbourne',
		course_name: 'Bachelor of Commerce',
		conferral_year: '2024',
		has_majors: true,
		majors: ['Finance'],
		with_honours: true,
		partner_chain: [{ name: 'Registrar' }],
	}),
	english_proficiency: () => ({
		full_name: 'Jane Doe',
		test_provider: 'IDP',
		test_name: 'IELTS Academic',
		completion_date: '2024-05-20',
		test_scores: {
			cefr_scores: { combined: 'C1' },
			overall: { score: '7.5', scale: '0-9' },
			subskills: [{ skill: 'reading', score: '8' }],
			partner_chain: [{ name: 'Test Centre Sydney' }],
		},
	}),
	microcredential: () => ({
		full_name: 'Jane Doe',
		issuer_name: 'ABC Management Academy',
		microcredential_name: 'Leading Remote Teams',
		issue_date: '2024-02-29',
		assessment_result: null,
	}),
	digital_identity: () => ({
		full_name: 'Jane Doe',
		date_of_birth: null,
		identity_document_validity: 'government_database',
		identity_document_liveness: 'automated',
		identity_document_person_match: 'automated',
	}),
	right_to_work: () => ({
		full_name: 'Jane Doe',
		country: 'SG',
		singapore_work_rights: 'resident',
	}),
	career_history: () => ({
		full_name: 'John Doe',
		employment: [
			{
				organisation: 'Acme Pty Ltd',
				role_title: 'Senior Engineer',
				start_date: '2020-01',
				end_date: null,
				last_processed_month: '2024-06',
			},
		],
	}),
	universal_credential: () => ({
		full_name: 'Jane Doe',
		credential_name: 'Provide First Aid',
		credential_category: 'Licence',
		issuer_name: 'Red Cross',
		expiry_date: '2027-01-31',
		credential_details: {
			scope_of_practice: null,
			speciality: ['CPR'],
			date_completed: '2024-01-15',
			country: 'AU',
		},
	}),
};
// A required field per type, as a path inside the fields.
const REQUIRED: Record<string, string[]> = {
	education: ['course_name'],
	english_proficiency: ['test_scores', 'overall', 'score'],
	microcredential: ['issue_date'],
	digital_identity: ['identity_document_liveness'],
	right_to_work: ['country'],
	career_history: ['employment', '0', 'organisation'],
	universal_credential: ['credential_category'],
};
const PAGES: Record<string, string> = {
	education: 'education',
	english_proficiency: 'englishProficiency',
	microcredential: 'microcredential',
	digital_identity: 'digitalIdentity',
	right_to_work: 'rightToWork',
	career_history: 'careerHistory',
	universal_credential: 'universalCredential',
};
const DOCUMENT_TYPE: Record<string, string> = {
	education: 'none',
	english_proficiency: 'english_assessment',
	microcredential: 'none',
	digital_identity: 'none',
	right_to_work: 'none',
	career_history: 'none',
};
const TYPES = Object.keys(FIELDS);
const V1_TYPES = Object.keys(DOCUMENT_TYPE);

function without(body: Body, path: string[]): Body {
	return edit(body, (b) => {
		let at = b;
		for (const seg of path.slice(0, -1)) at = at[seg];
		delete at[path[path.length - 1]!];
	});
}
/** A field path as the sandbox names it: a.b[0].c */
const named = (prefix: string, path: string[]) =>
	path.reduce((acc, seg) => (/^\d+$/.test(seg) ? `${acc}[${seg}]` : `${acc}.${seg}`), prefix);

const v1Body = (type: string, id = `v1-${type}`): Body => ({
	id,
	document_type: DOCUMENT_TYPE[type],
	credential_type: type,
	data: { credential: FIELDS[type]!() },
});
const v2Body = (type: string, id = `v2-${type}`): Body => ({
	credential_id: id,
	fields: FIELDS[type]!(),
});

const fieldsOf = (res: { body: Body }) =>
	(res.body.details ?? []).map((d: { field: string }) => d.field);

beforeAll(async () => {
	sb = await startSandbox({ port: 0, modules: [createSeekPassModule()] });
	base = sb.urls.seekPass;
});
afterAll(async () => {
	await sb.close();
});
beforeEach(() => sb.reset());

describe('v2 single add, every type', () => {
	test.each(TYPES)(
		'%s: a valid body → 201 {credential_id, redirect_uri, uploads: []}',
		async (type) => {
			const res = await post(
				`/api/partner/v2/add/requests/${type}.json`,
				v2Body(type),
				await token(),
			);
			expect(res.status).toBe(201);
			expect(res.body).toEqual({
				credential_id: `v2-${type}`,
				redirect_uri: expect.stringMatching(
					new RegExp(
						`^${sb.origin}/seekpass/partner/add/${PAGES[type]}#clientId=sandbox-seekpass-client&content=${UUID}$`,
					),
				),
				uploads: [],
			});
		},
	);

	test.each(TYPES)('%s: also without .json', async (type) => {
		const res = await post(`/api/partner/v2/add/requests/${type}`, v2Body(type), await token());
		expect(res.status).toBe(201);
	});

	test.each(TYPES)('%s: without a required field → 400 naming it', async (type) => {
		const path = REQUIRED[type]!;
		const body = edit(v2Body(type), (b) => (b.fields = without(b.fields, path)));
		const res = await post(`/api/partner/v2/add/requests/${type}.json`, body, await token());
		expect(res.status).toBe(400);
		expect(res.body.error).toBe('validation_error');
		expect(fieldsOf(res)).toContain(named('fields', path));
		expect(res.body.error_description).toContain(named('fields', path));
		expect((await control('/submissions')).body.requests).toEqual([]);
	});

	test.each(TYPES)('%s: without credential_id → 400 naming it', async (type) => {
		const res = await post(
			`/api/partner/v2/add/requests/${type}.json`,
			{ fields: FIELDS[type]!() },
			await token(),
		);
		expect(res.status).toBe(400);
		expect(fieldsOf(res)).toContain('credential_id');
	});

	test('the v1 envelope is refused on v2', async () => {
		const res = await post(
			'/api/partner/v2/add/requests/education.json',
			v1Body('education'),
			await token(),
		);
		expect(res.status).toBe(400);
		expect(fieldsOf(res)).toEqual(expect.arrayContaining(['credential_id', 'fields']));
	});

	test('an unknown type → 404 (after the token check)', async () => {
		expect(
			(await call(`${base}/api/partner/v2/add/requests/passport.json`, { json: {} })).status,
		).toBe(401);
		const res = await post('/api/partner/v2/add/requests/passport.json', {}, await token());
		expect(res.status).toBe(404);
		expect(res.body.error).toBe('not_found');
	});
});

describe('v1 single add, six types', () => {
	test.each(V1_TYPES)('%s: a valid body → 201 {redirect_uri} with documentType', async (type) => {
		const res = await post(`/api/partner/v1/add/${type}.json`, v1Body(type), await token());
		expect(res.status).toBe(201);
		expect(res.body).toEqual({
			redirect_uri: expect.stringMatching(
				new RegExp(
					`^${sb.origin}/seekpass/partner/add/${PAGES[type]}#clientId=sandbox-seekpass-client&documentType=${DOCUMENT_TYPE[type]}&content=${UUID}$`,
				),
			),
		});
	});

	test.each(V1_TYPES)('%s: without a required field → 400 naming it', async (type) => {
		const path = REQUIRED[type]!;
		const body = edit(v1Body(type), (b) => (b.data.credential = without(b.data.credential, path)));
		const res = await post(`/api/partner/v1/add/${type}.json`, body, await token());
		expect(res.status).toBe(400);
		expect(fieldsOf(res)).toContain(named('data.credential', path));
	});

	test('universal_credential is v2 only → 404 on v1', async () => {
		const body = { ...v1Body('education'), credential_type: 'universal_credential' };
		const res = await post('/api/partner/v1/add/universal_credential.json', body, await token());
		expect(res.status).toBe(404);
	});

	test('English without a document is accepted (newer page: optional); a non-URL is not', async () => {
		const t = await token();
		const withNull = edit(v1Body('english_proficiency'), (b) => (b.data.document = null));
		expect((await post('/api/partner/v1/add/english_proficiency.json', withNull, t)).status).toBe(
			201,
		);
		const bad = edit(v1Body('english_proficiency', 'e2'), (b) => (b.data.document = 'cert.pdf'));
		const res = await post('/api/partner/v1/add/english_proficiency.json', bad, t);
		expect(res.status).toBe(400);
		expect(fieldsOf(res)).toContain('data.document');
	});
});

describe('field rules of the reference', () => {
	const v2 = async (type: string, change: (fields: Body, body: Body) => void) => {
		const body = edit(v2Body(type), (b) => change(b.fields, b));
		return post(`/api/partner/v2/add/requests/${type}.json`, body, await token());
	};
	const transcript = (): Body => ({
		overall: { issuance_date: '2024-12-01', score: '3.8' },
		subjects: [
			{ name: 'Finance 101', code: 'FIN101', grade: 'HD', completion_date: '2024', credit: '12.5' },
			{ name: 'Law 101', code: 'LAW101', grade: 'Pass', completion_date: '2024-06-30' },
		],
	});

	test.each([
		[
			'education',
			'a transcript with overall and subjects (year or date)',
			(f: Body) => (f.transcript = transcript()),
		],
		[
			'education',
			'conferral_year null while awaiting graduation',
			(f: Body) => {
				f.conferral_year = null;
				f.awaiting_graduation = true;
			},
		],
		[
			'right_to_work',
			'a country other than SG without singapore_work_rights',
			(f: Body) => {
				f.country = 'AU';
				delete f.singapore_work_rights;
			},
		],
		[
			'career_history',
			'role_classification alone',
			(f: Body) => {
				delete f.employment[0].role_title;
				f.employment[0].role_classification = 'Software Engineer';
			},
		],
		[
			'career_history',
			'partner_chain beside fields',
			(_f: Body, b: Body) => (b.partner_chain = [{ name: 'Payroll Co' }]),
		],
		[
			'digital_identity',
			'partner_chain beside fields',
			(_f: Body, b: Body) => (b.partner_chain = [{ name: 'IDV Co' }]),
		],
		[
			'universal_credential',
			'one asset with its data',
			(_f: Body, b: Body) =>
				(b.assets = [
					{ asset_id: 'cert', asset_type: 'pdf', asset_data: 'https://files.example.org/c.pdf' },
				]),
		],
		[
			'universal_credential',
			'any non-empty category',
			(f: Body) => (f.credential_category = 'Something New'),
		],
	])('%s: %s → 201', async (type, _name, change) => {
		expect((await v2(type, change)).status).toBe(201);
	});

	test.each([
		[
			'education',
			'a transcript without subjects',
			(f: Body) => (f.transcript = { overall: { issuance_date: '2024-12-01' } }),
			'fields.transcript.subjects',
		],
		[
			'education',
			'a transcript without overall',
			(f: Body) => (f.transcript = { subjects: [] }),
			'fields.transcript.overall',
		],
		[
			'education',
			'a numeric subject credit',
			(f: Body) => {
				f.transcript = transcript();
				f.transcript.subjects[0].credit = 12.5;
			},
			'fields.transcript.subjects[0].credit',
		],
		[
			'education',
			'a subject completion_date that is a month',
			(f: Body) => {
				f.transcript = transcript();
				f.transcript.subjects[1].completion_date = '2024-06';
			},
			'fields.transcript.subjects[1].completion_date',
		],
		[
			'education',
			'no conferral_year, not awaiting graduation',
			(f: Body) => (f.conferral_year = null),
			'fields.conferral_year',
		],
		[
			'english_proficiency',
			'a numeric overall score',
			(f: Body) => (f.test_scores.overall.score = 7.5),
			'fields.test_scores.overall.score',
		],
		[
			'english_proficiency',
			'partner_chain at fields level',
			(f: Body) => (f.partner_chain = [{ name: 'X' }]),
			'fields',
		],
		[
			'english_proficiency',
			'no cefr_scores',
			(f: Body) => delete f.test_scores.cefr_scores,
			'fields.test_scores.cefr_scores',
		],
		[
			'right_to_work',
			'SG without singapore_work_rights',
			(f: Body) => delete f.singapore_work_rights,
			'fields.singapore_work_rights',
		],
		['right_to_work', 'a lower-case country', (f: Body) => (f.country = 'au'), 'fields.country'],
		[
			'right_to_work',
			'a country that is no ISO code',
			(f: Body) => (f.country = 'XX'),
			'fields.country',
		],
		[
			'right_to_work',
			'assets (not allowed on this type)',
			(_f: Body, b: Body) => (b.assets = [{ asset_id: 'a', asset_type: 'pdf' }]),
			'(body)',
		],
		[
			'career_history',
			'neither role_classification nor role_title',
			(f: Body) => delete f.employment[0].role_title,
			'fields.employment[0].role_title',
		],
		[
			'career_history',
			'a start_date that is a day',
			(f: Body) => (f.employment[0].start_date = '2020-01-15'),
			'fields.employment[0].start_date',
		],
		[
			'career_history',
			'partner_chain inside fields',
			(f: Body) => (f.partner_chain = [{ name: 'X' }]),
			'fields',
		],
		[
			'digital_identity',
			'the older identity_verification_level',
			(f: Body) => (f.identity_verification_level = 'basic'),
			'fields',
		],
		[
			'digital_identity',
			'a liveness outside the enum',
			(f: Body) => (f.identity_document_liveness = 'video'),
			'fields.identity_document_liveness',
		],
		[
			'microcredential',
			'an impossible issue_date',
			(f: Body) => (f.issue_date = '2023-02-29'),
			'fields.issue_date',
		],
		[
			'universal_credential',
			'two assets',
			(_f: Body, b: Body) =>
				(b.assets = [
					{ asset_id: 'a', asset_type: 'pdf' },
					{ asset_id: 'b', asset_type: 'png' },
				]),
			'assets',
		],
		[
			'universal_credential',
			'an open_cert asset',
			(_f: Body, b: Body) => (b.assets = [{ asset_id: 'a', asset_type: 'open_cert' }]),
			'assets[0].asset_type',
		],
		[
			'universal_credential',
			'an asset without asset_type',
			(_f: Body, b: Body) => (b.assets = [{ asset_id: 'a' }]),
			'assets[0].asset_type',
		],
		[
			'universal_credential',
			'asset_data that is no URL',
			(_f: Body, b: Body) =>
				(b.assets = [{ asset_id: 'a', asset_type: 'pdf', asset_data: 'c.pdf' }]),
			'assets[0].asset_data',
		],
		[
			'universal_credential',
			'an empty category',
			(f: Body) => (f.credential_category = ''),
			'fields.credential_category',
		],
		[
			'english_proficiency',
			'a png asset',
			(_f: Body, b: Body) => (b.assets = [{ asset_id: 'a', asset_type: 'png' }]),
			'assets[0].asset_type',
		],
	])('%s: %s → 400 naming %s', async (type, _name, change, field) => {
		const res = await v2(type, change);
		expect(res.status).toBe(400);
		expect(fieldsOf(res)).toContain(field);
	});

	test('v1 placement of partner_chain: digital identity beside the credential, English in test_scores', async () => {
		const t = await token();
		const identity = edit(
			v1Body('digital_identity'),
			(b) => (b.data.partner_chain = [{ name: 'IDV' }]),
		);
		expect((await post('/api/partner/v1/add/digital_identity.json', identity, t)).status).toBe(201);
		const inside = edit(
			v1Body('digital_identity', 'd2'),
			(b) => (b.data.credential.partner_chain = [{ name: 'IDV' }]),
		);
		const refused = await post('/api/partner/v1/add/digital_identity.json', inside, t);
		expect(refused.status).toBe(400);
		expect(fieldsOf(refused)).toContain('data.credential');
		const career = edit(
			v1Body('career_history'),
			(b) => (b.data.credential.partner_chain = [{ name: 'P' }]),
		);
		expect((await post('/api/partner/v1/add/career_history.json', career, t)).status).toBe(201);
	});
});

describe('v2 batch and upload links', () => {
	const batch = (): Body => ({
		credential_id: 'batch-1',
		digital_identity: { credential_id: 'b-id', fields: FIELDS.digital_identity!() },
		education_items: [
			{
				credential_id: 'b-edu',
				fields: FIELDS.education!(),
				assets: [
					{ asset_id: 'testamur', asset_type: 'pdf' },
					{ asset_id: 'photo', asset_type: 'jpg', asset_data: 'https://files.example.org/p.jpg' },
				],
			},
		],
		microcredential_items: [
			{ credential_id: 'b-m1', fields: FIELDS.microcredential!() },
			{
				credential_id: 'b-m2',
				fields: { ...FIELDS.microcredential!(), microcredential_name: 'Other' },
				assets: [{ asset_id: 'badge', asset_type: 'png', asset_data: null }],
			},
		],
		career_history: {
			credential_id: 'b-ch',
			fields: FIELDS.career_history!(),
			partner_chain: null,
		},
		universal_credential_items: [
			{
				credential_id: 'b-u',
				fields: FIELDS.universal_credential!(),
				assets: [{ asset_id: 'scan', asset_type: 'pdf' }],
			},
		],
	});
	const SCOPES_OF_BATCH =
		'write.digital_identity write.education write.microcredential write.career_history write.universal';

	test('201 {credential_id, redirect_uri (batch page), uploads} for each asset without asset_data', async () => {
		const res = await post('/api/partner/v2/add/requests/batch.json', batch(), await token());
		expect(res.status).toBe(201);
		expect(res.body.credential_id).toBe('batch-1');
		expect(res.body.redirect_uri).toMatch(
			new RegExp(
				`^${sb.origin}/seekpass/partner/add/batch#clientId=sandbox-seekpass-client&content=${UUID}$`,
			),
		);
		const link = `^${sb.origin}/seekpass/_uploads/[^/?]+\\?expires=\\d+&signature=[0-9a-f]{64}$`;
		expect(res.body.uploads).toEqual([
			{
				credential_id: 'b-edu',
				asset_id: 'testamur',
				asset_type: 'pdf',
				content_type: 'application/pdf',
				upload_url: expect.stringMatching(link),
			},
			{
				credential_id: 'b-m2',
				asset_id: 'badge',
				asset_type: 'png',
				content_type: 'image/png',
				upload_url: expect.stringMatching(link),
			},
			{
				credential_id: 'b-u',
				asset_id: 'scan',
				asset_type: 'pdf',
				content_type: 'application/pdf',
				upload_url: expect.stringMatching(link),
			},
		]);
		// Also without .json.
		const plain = await post(
			'/api/partner/v2/add/requests/batch',
			{
				...batch(),
				credential_id: 'batch-2',
				digital_identity: undefined,
				education_items: undefined,
				microcredential_items: undefined,
				career_history: undefined,
				universal_credential_items: [
					{ credential_id: 'b2-u', fields: FIELDS.universal_credential!() },
				],
			},
			await token(),
		);
		expect(plain.status).toBe(201);
		expect(plain.body.uploads).toEqual([]);
	});

	test('PUT without a token: the right Content-Type → 200 and listed; wrong type, bad signature, empty → refused', async () => {
		const res = await post('/api/partner/v2/add/requests/batch.json', batch(), await token());
		const [pdf, png] = res.body.uploads as Array<{ upload_url: string }>;
		const bytes = Buffer.from('%PDF-1.4 sandbox');

		const wrongType = await put(pdf!.upload_url, bytes, 'image/png');
		expect(wrongType.status).toBe(403);
		expect(wrongType.body.error_description).toContain('application/pdf');
		expect((await put(pdf!.upload_url, bytes)).status).toBe(403);
		const tampered = pdf!.upload_url.replace(
			/signature=(.)/,
			(_m, c: string) => `signature=${c === 'a' ? 'b' : 'a'}`,
		);
		expect((await put(tampered, bytes, 'application/pdf')).status).toBe(403);
		const noSignature = pdf!.upload_url.replace(/&signature=.*$/, '');
		expect((await put(noSignature, bytes, 'application/pdf')).status).toBe(403);
		const longer = pdf!.upload_url.replace(
			/expires=(\d+)/,
			(_m, e: string) => `expires=${Number(e) + 3600}`,
		);
		expect((await put(longer, bytes, 'application/pdf')).status).toBe(403);
		const empty = await put(pdf!.upload_url, Buffer.alloc(0), 'application/pdf');
		expect(empty.status).toBe(400);
		expect((await control('/uploads')).body).toEqual([]);

		expect((await put(pdf!.upload_url, bytes, 'application/pdf')).status).toBe(200);
		const image = Buffer.from([0x89, 0x50, 0x4e, 0x47]);
		expect((await put(png!.upload_url, image, 'image/png')).status).toBe(200);
		// A second PUT replaces the file.
		const replaced = Buffer.from('%PDF-1.7 replaced');
		expect((await put(pdf!.upload_url, replaced, 'application/pdf')).status).toBe(200);
		const sha = (b: Buffer) => createHash('sha256').update(b).digest('hex');
		expect((await control('/uploads')).body).toEqual([
			{
				credential_id: 'b-edu',
				asset_id: 'testamur',
				asset_type: 'pdf',
				content_type: 'application/pdf',
				bytes: replaced.length,
				sha256: sha(replaced),
			},
			{
				credential_id: 'b-m2',
				asset_id: 'badge',
				asset_type: 'png',
				content_type: 'image/png',
				bytes: image.length,
				sha256: sha(image),
			},
		]);
	});

	test('a link works for 15 minutes (virtual clock), then → 403', async () => {
		const res = await post('/api/partner/v2/add/requests/batch.json', batch(), await token());
		const url = res.body.uploads[0].upload_url as string;
		sb.advanceClock(14 * MINUTE);
		expect((await put(url, 'a', 'application/pdf')).status).toBe(200);
		sb.advanceClock(MINUTE + 1000);
		const expired = await put(url, 'b', 'application/pdf');
		expect(expired.status).toBe(403);
		expect(expired.body.error_description).toContain('expired');
	});

	test('an unknown upload key → 403; the upload path is not a token route', async () => {
		const res = await put(
			`${base}/_uploads/nope?expires=99999999999&signature=00`,
			'x',
			'application/pdf',
		);
		expect(res.status).toBe(403);
		expect(res.headers.get('www-authenticate')).toBeNull();
	});

	test('same batch id within 48 h → the same answer and the same links; an expired link is signed again', async () => {
		const t = await token();
		const first = await post('/api/partner/v2/add/requests/batch.json', batch(), t);
		const again = await post('/api/partner/v2/add/requests/batch.json', batch(), t);
		expect(again.status).toBe(201);
		expect(again.body).toEqual(first.body);
		expect((await control('/submissions')).body.history['batch-1']).toEqual({
			creations: 1,
			repeats: 1,
		});

		sb.advanceClock(20 * MINUTE);
		const later = await post('/api/partner/v2/add/requests/batch.json', batch(), await token());
		expect(later.body.redirect_uri).toBe(first.body.redirect_uri);
		const oldUrl = first.body.uploads[0].upload_url as string;
		const newUrl = later.body.uploads[0].upload_url as string;
		expect(newUrl.split('?')[0]).toBe(oldUrl.split('?')[0]);
		expect((await put(oldUrl, 'x', 'application/pdf')).status).toBe(403);
		expect((await put(newUrl, 'x', 'application/pdf')).status).toBe(200);

		sb.advanceClock(48 * HOUR);
		const fresh = await post('/api/partner/v2/add/requests/batch.json', batch(), await token());
		expect(fresh.body.redirect_uri).not.toBe(first.body.redirect_uri);
	});

	test.each([
		['no top-level credential_id', (b: Body) => delete b.credential_id, 'credential_id'],
		[
			'no credential at all',
			(b: Body) => {
				for (const k of Object.keys(b)) if (k !== 'credential_id') delete b[k];
			},
			'(body)',
		],
		[
			'an item without fields',
			(b: Body) => delete b.microcredential_items[0].fields,
			'microcredential_items[0].fields',
		],
		[
			'an item missing a required field',
			(b: Body) => delete b.education_items[0].fields.course_name,
			'education_items[0].fields.course_name',
		],
		[
			'an item id used twice',
			(b: Body) => (b.microcredential_items[1].credential_id = 'b-m1'),
			'microcredential_items[1].credential_id',
		],
		[
			'assets on digital_identity',
			(b: Body) => (b.digital_identity.assets = []),
			'digital_identity',
		],
		[
			'v1-style document_type on an item',
			(b: Body) => (b.education_items[0].document_type = 'pdf'),
			'education_items[0]',
		],
		[
			'the older top-level assets',
			(b: Body) => (b.assets = [{ key: 'k', content_type: 'application/pdf' }]),
			'(body)',
		],
		[
			'digital_identity as an array',
			(b: Body) => (b.digital_identity = [b.digital_identity]),
			'digital_identity',
		],
	])('%s → 400 naming %s', async (_name, change, field) => {
		const res = await post(
			'/api/partner/v2/add/requests/batch.json',
			edit(batch(), change),
			await token(),
		);
		expect(res.status).toBe(400);
		expect(fieldsOf(res)).toContain(field);
		expect((await control('/submissions')).body.requests).toEqual([]);
	});

	test('the token must hold the scope of every type in the batch', async () => {
		const short = await token(SCOPES_OF_BATCH.replace(' write.universal', ''));
		const res = await post('/api/partner/v2/add/requests/batch.json', batch(), short);
		expect(res.status).toBe(403);
		expect(res.body.error).toBe('insufficient_scope');
		expect(res.body.error_description).toContain('write.universal');
		expect(
			(await post('/api/partner/v2/add/requests/batch.json', batch(), await token(SCOPES_OF_BATCH)))
				.status,
		).toBe(201);
	});

	test('v2 single with assets: links for the ones without asset_data', async () => {
		const body = edit(
			v2Body('education'),
			(b) => (b.assets = [{ asset_id: 'cert', asset_type: 'open_cert' }]),
		);
		const res = await post('/api/partner/v2/add/requests/education.json', body, await token());
		expect(res.status).toBe(201);
		expect(res.body.uploads).toEqual([
			expect.objectContaining({
				credential_id: 'v2-education',
				asset_id: 'cert',
				asset_type: 'open_cert',
				content_type: 'application/json',
			}),
		]);
		// An OpenCert file is JSON; the link takes it as raw bytes.
		expect(
			(await put(res.body.uploads[0].upload_url, '{"data":{}}', 'application/json')).status,
		).toBe(200);
		expect((await control('/uploads')).body[0]).toMatchObject({ asset_id: 'cert', bytes: 11 });
	});
});

describe('idempotency and the Status API for v2 ids', () => {
	test('v2 single: same credential_id → same answer; status single and bulk; conflict with v1', async () => {
		const t = await token();
		const first = await post(
			'/api/partner/v2/add/requests/microcredential.json',
			v2Body('microcredential', 'mc-1'),
			t,
		);
		const again = await post(
			'/api/partner/v2/add/requests/microcredential',
			v2Body('microcredential', 'mc-1'),
			t,
		);
		expect(again.body).toEqual(first.body);
		expect((await control('/submissions')).body.requests).toHaveLength(1);

		const one = await call(`${base}/api/partner/v1/submissions/mc-1/status.json`, { token: t });
		expect(one.body).toEqual({ id: 'mc-1', status: 'incomplete', finalized_at: null });
		await post(
			'/api/partner/v2/add/requests/batch.json',
			{
				credential_id: 'bt-1',
				right_to_work_items: [{ credential_id: 'bt-rtw', fields: FIELDS.right_to_work!() }],
			},
			t,
		);
		await control('/submissions/bt-1', { status: 'verified' });
		const bulk = await post(
			'/api/partner/v1/submissions/status.json',
			{ ids: ['mc-1', 'bt-1', 'bt-rtw', 'ghost'] },
			t,
		);
		expect(bulk.body).toEqual({
			credentials: [
				{ id: 'mc-1', status: 'incomplete', finalized_at: null },
				{ id: 'bt-1', status: 'verified', finalized_at: expect.any(String) },
				{ id: 'bt-rtw', status: 'verified', finalized_at: expect.any(String) },
			],
		});

		const v1 = await post(
			'/api/partner/v1/add/microcredential.json',
			v1Body('microcredential', 'mc-1'),
			t,
		);
		expect(v1.status).toBe(409);
		expect(v1.body.error).toBe('conflict');
		const reused = await post(
			'/api/partner/v2/add/requests/batch.json',
			{
				credential_id: 'bt-2',
				microcredential_items: [{ credential_id: 'mc-1', fields: FIELDS.microcredential!() }],
			},
			t,
		);
		expect(reused.status).toBe(409);
	});
});

describe('scopes per partner', () => {
	const partner = {
		client_id: 'partner-lnd',
		client_secret: 'partner-secret',
		scopes: ['write.microcredential'],
	};

	test('a client holding one write scope: granted that scope, refused others at the token endpoint and at Add', async () => {
		expect((await control('/clients', partner)).status).toBe(201);

		const plain = await tokenFor(partner.client_id, partner.client_secret);
		expect(plain.status).toBe(200);
		expect(plain.body.scope).toBe('write.microcredential');
		const t = plain.body.access_token as string;

		const asked = await tokenFor(
			partner.client_id,
			partner.client_secret,
			'write.microcredential write.education',
		);
		expect(asked.status).toBe(400);
		expect(asked.body.error).toBe('invalid_scope');
		expect(asked.body.error_description).toContain('write.education');
		expect(asked.body.error_description).not.toContain('write.microcredential');

		expect(
			(
				await post(
					'/api/partner/v2/add/requests/microcredential.json',
					v2Body('microcredential'),
					t,
				)
			).status,
		).toBe(201);
		const denied = await post(
			'/api/partner/v2/add/requests/education.json',
			v2Body('education'),
			t,
		);
		expect(denied.status).toBe(403);
		expect(denied.body).toEqual({
			error: 'insufficient_scope',
			error_description: expect.stringContaining('write.education'),
		});
		expect(denied.headers.get('www-authenticate')).toContain('insufficient_scope');

		// A call whose scope is not published (what the credential test uses) works with any token.
		const status = await post(
			'/api/partner/v1/submissions/status.json',
			{ ids: ['does-not-exist'] },
			t,
		);
		expect(status.status).toBe(200);
		expect(status.body).toEqual({ credentials: [] });
	});

	test.each([
		['universal_credential', 'write.universal'],
		['right_to_work', 'write.right_to_work'],
		['career_history', 'write.career_history'],
	])('v2 %s needs %s', async (type, scope) => {
		const res = await post(
			`/api/partner/v2/add/requests/${type}.json`,
			v2Body(type),
			await token('write.education'),
		);
		expect(res.status).toBe(403);
		expect(res.body.error_description).toContain(scope);
		expect(
			(await post(`/api/partner/v2/add/requests/${type}.json`, v2Body(type), await token(scope)))
				.status,
		).toBe(201);
	});

	test('wrong secret → 401; the demo id cannot be registered; reset forgets partners', async () => {
		await control('/clients', partner);
		expect((await tokenFor(partner.client_id, 'nope')).status).toBe(401);
		expect(
			(await control('/clients', { ...partner, client_id: sb.demo.seekPass.clientId })).status,
		).toBe(409);
		expect((await control('/clients', { ...partner, scopes: ['write.everything'] })).status).toBe(
			400,
		);
		sb.reset();
		expect((await tokenFor(partner.client_id, partner.client_secret)).status).toBe(401);
	});
});

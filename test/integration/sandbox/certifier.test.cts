// The Certifier emulator over HTTP on loopback, as a client sees it: the vendor's curl
// example, its documented error bodies, the draft → issued → sent life cycle, cursor
// pagination over 2,500 credentials, search, design previews and signed webhooks.
import { createHmac, timingSafeEqual } from 'node:crypto';
import { type IncomingHttpHeaders, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type Sandbox, startSandbox } from '../../../sandbox/index.cjs';

const SEED_GROUP = '01g90279gp5sbmfek7wymcsvec';
const ULID = /^[0-9a-hjkmnp-tv-z]{26}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

let sb: Sandbox;
beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
});
afterAll(async () => {
	await sb?.close();
});
beforeEach(() => sb.reset());

interface Answer<T = any> {
	status: number;
	headers: Headers;
	body: T;
}

const auth = () => ({
	'Certifier-Version': '2022-10-26',
	Authorization: `Bearer ${sb.demo.certifier.accessToken}`,
});

async function call<T = any>(
	method: string,
	url: string,
	body?: unknown,
	headers: Record<string, string> = auth(),
): Promise<Answer<T>> {
	const res = await fetch(url, {
		method,
		headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
		body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
	});
	const text = await res.text();
	return {
		status: res.status,
		headers: res.headers,
		body: text && res.headers.get('content-type')?.includes('json') ? JSON.parse(text) : text,
	};
}
const api = (method: string, path: string, body?: unknown, headers?: Record<string, string>) =>
	call(method, `${sb.urls.certifier}${path}`, body, headers);
const control = (method: string, path: string, body?: unknown) =>
	call(method, `${sb.urls.control}/certifier${path}`, body, {});

const create = (recipient: { name: string; email?: string }, extra: Record<string, unknown> = {}) =>
	api('POST', '/credentials', { groupId: SEED_GROUP, recipient, ...extra });

describe('the vendor example', () => {
	test("the seed's curl body makes a draft shaped like the documented object", async () => {
		const r = await api('POST', '/credentials', {
			groupId: SEED_GROUP,
			recipient: { name: 'John Doe' },
		});
		expect(r.status).toBe(200);
		expect(Object.keys(r.body)).toEqual([
			'id',
			'publicId',
			'groupId',
			'status',
			'recipient',
			'issueDate',
			'expiryDate',
			'attributes',
			'customAttributes',
			'createdAt',
			'updatedAt',
		]);
		const today = sb.now().toISOString().slice(0, 10);
		const nextYear = `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`;
		expect(r.body).toMatchObject({
			groupId: SEED_GROUP,
			status: 'draft',
			recipient: { name: 'John Doe', email: null },
			issueDate: today,
			expiryDate: nextYear, // the seed group's validity is 12 months
			attributes: { 'recipient.name': 'John Doe' },
			customAttributes: {},
		});
		expect(r.body.id).toMatch(ULID);
		expect(r.body.recipient.id).toMatch(ULID);
		expect(r.body.publicId).toMatch(UUID);
		expect(r.body.createdAt).toBe(r.body.updatedAt);
		expect(new Date(r.body.createdAt).toISOString()).toBe(r.body.createdAt);
	});

	test('explicit dates, email and custom attributes come back as in the documented example', async () => {
		const r = await create(
			{ name: 'John Doe', email: 'john.doe@example.com' },
			{
				issueDate: '2022-01-01',
				expiryDate: '2023-01-01',
				customAttributes: { 'custom.mentor': 'Jane Doe' },
			},
		);
		expect(r.status).toBe(200);
		expect(r.body).toMatchObject({
			recipient: { name: 'John Doe', email: 'john.doe@example.com' },
			issueDate: '2022-01-01',
			expiryDate: '2023-01-01',
			attributes: { 'recipient.name': 'John Doe' },
			customAttributes: { 'custom.mentor': 'Jane Doe' },
		});
	});
});

describe('documented error bodies', () => {
	test('missing Certifier-Version is checked before the token', async () => {
		const r = await api('GET', '/credentials', undefined, {});
		expect(r.status).toBe(400);
		expect(r.body).toEqual({
			error: {
				code: 'missing_version',
				message: 'The request is missing the required Certifier-Version header',
			},
		});
	});

	test('another version is invalid_version', async () => {
		const r = await api('GET', '/credentials', undefined, {
			...auth(),
			'Certifier-Version': '2020-01-01',
		});
		expect(r.status).toBe(400);
		expect(r.body.error.code).toBe('invalid_version');
	});

	test('a wrong or missing token is unauthorized', async () => {
		for (const headers of [
			{ 'Certifier-Version': '2022-10-26' },
			{ ...auth(), Authorization: 'Bearer nope' },
		]) {
			const r = await api('GET', '/credentials', undefined, headers);
			expect(r.status).toBe(401);
			expect(r.body).toEqual({
				error: {
					code: 'unauthorized',
					message: 'A valid authentication token was not provided with the request',
				},
			});
		}
	});

	test('expireTokens() leaves the static Certifier token valid', async () => {
		sb.expireTokens('certifier');
		expect((await api('GET', '/credentials')).status).toBe(200);
	});

	test('unknown credential and unknown route are not_found', async () => {
		const body = { error: { code: 'not_found', message: 'The requested resource does not exist' } };
		for (const path of ['/credentials/01hz2f0c9ryvzajg20jqh9taab', '/no-such-thing']) {
			const r = await api('GET', path);
			expect(r.status).toBe(404);
			expect(r.body).toEqual(body);
		}
	});

	test('the core rate limit and injected faults answer in the vendor shape', async () => {
		sb.setSwitches({ rateLimitPerSecond: 1 });
		await api('GET', '/credentials');
		const limited = await api('GET', '/credentials');
		expect(limited.status).toBe(429);
		expect(limited.headers.get('retry-after')).toMatch(/^\d+$/);
		expect(limited.body).toEqual({
			error: { code: 'rate_limited', message: 'You have exceeded the rate limit' },
		});

		sb.setSwitches({ rateLimitPerSecond: 0, faultRate: 1, faultKinds: ['503'] });
		const fault = await api('GET', '/credentials');
		expect(fault.status).toBe(503);
		expect(fault.body).toEqual({
			error: { code: 'internal_server_error', message: "There was a problem on Certifier's end" },
		});
	});

	// Issue 13: every field the published tables mark required, left out, is a 400 in the
	// vendor's error shape naming that field.
	test.each([
		['POST', '/credentials', { recipient: { name: 'A' } }, 'groupId'],
		['POST', '/credentials', { groupId: SEED_GROUP }, 'recipient'],
		['POST', '/credentials', { groupId: SEED_GROUP, recipient: {} }, 'recipient.name'],
		['POST', '/credentials/create-issue-send', { recipient: { name: 'A' } }, 'groupId'],
		['POST', '/credentials/create-issue-send', { groupId: SEED_GROUP }, 'recipient'],
		['POST', '/groups', { designIds: ['01fpwtztwf7sacca5r0c483mnm'] }, 'name'],
		['POST', '/groups', { name: 'G' }, 'designIds'],
		['POST', '/credential-interactions', { eventType: 'credential_viewed' }, 'credentialId'],
		['POST', '/credential-interactions', { credentialId: 'x' }, 'eventType'],
	])(
		'%s %s without a required field: 400 validation_error naming it (%#)',
		async (method, path, body, field) => {
			const r = await api(method, path, body);
			expect(r.status).toBe(400);
			expect(r.body).toEqual({
				error: { code: 'validation_error', message: `${field}: is required` },
			});
		},
	);

	test('send without deliveryMethod: 400 validation_error naming it', async () => {
		const { body: c } = await create({ name: 'A', email: 'a@example.org' });
		await api('POST', `/credentials/${c.id}/issue`);
		const r = await api('POST', `/credentials/${c.id}/send`, {});
		expect(r.status).toBe(400);
		expect(r.body).toEqual({
			error: { code: 'validation_error', message: 'deliveryMethod: is required' },
		});
	});

	test('null is not a published value of expiryDate on create, nor of learningEventUrl', async () => {
		const c = await create({ name: 'A' }, { expiryDate: null });
		expect(c.status).toBe(400);
		expect(c.body.error.message).toContain('expiryDate:');
		const g = await api('PATCH', `/groups/${SEED_GROUP}`, { learningEventUrl: null });
		expect(g.status).toBe(400);
		expect(g.body.error.message).toContain('learningEventUrl:');
	});

	test('a body that is not JSON is invalid_json', async () => {
		const r = await api('POST', '/credentials', '{"groupId": ');
		expect(r.status).toBe(400);
		expect(r.body.error.code).toBe('invalid_json');
	});

	test.each([
		[{ groupId: SEED_GROUP, recipient: {} }, 'recipient.name'],
		[{ groupId: SEED_GROUP, recipient: { name: 'A', email: 'not-an-email' } }, 'recipient.email'],
		[{ groupId: SEED_GROUP, recipient: { name: 'A' }, issueDate: '2024-02-30' }, 'issueDate'],
		[{ groupId: SEED_GROUP, recipient: { name: 'A' }, issueDate: '2024-13-01' }, 'issueDate'],
		[{ groupId: SEED_GROUP, recipient: { name: 'A' }, expiryDate: '01/02/2025' }, 'expiryDate'],
		[
			{
				groupId: SEED_GROUP,
				recipient: { name: 'A' },
				issueDate: '2024-05-01',
				expiryDate: '2024-04-01',
			},
			'expiryDate',
		],
		[
			{ groupId: SEED_GROUP, recipient: { name: 'A' }, customAttributes: { 'custom.nope': 'x' } },
			'customAttributes.custom.nope',
		],
		[{ groupId: '01aaaaaaaaaaaaaaaaaaaaaaaa', recipient: { name: 'A' } }, 'groupId'],
		[{ recipient: { name: 'A' } }, 'groupId'],
	])('validation_error names the field (%#)', async (body, field) => {
		const r = await api('POST', '/credentials', body);
		expect(r.status).toBe(400);
		expect(r.body.error.code).toBe('validation_error');
		expect(r.body.error.message).toContain(`${field}:`);
		expect((await control('GET', '/credentials')).body.data).toHaveLength(0);
	});

	test('limit above 100 is a validation_error', async () => {
		const r = await api('GET', '/credentials?limit=101');
		expect(r.status).toBe(400);
		expect(r.body.error).toEqual({
			code: 'validation_error',
			message: 'limit: must be at most 100',
		});
	});

	test('a non-premium organisation gets payment_required on sending', async () => {
		await control('POST', '/plan', { premium: false });
		const r = await api('POST', '/credentials/create-issue-send', {
			groupId: SEED_GROUP,
			recipient: { name: 'A', email: 'a@example.org' },
		});
		expect(r.status).toBe(402);
		expect(r.body).toEqual({
			error: {
				code: 'payment_required',
				message: 'The requested feature is only available to premium organizations',
			},
		});
	});
});

describe('life cycle', () => {
	test('draft → issued → sent, with 409 for each step out of order', async () => {
		const { body: draft } = await create({ name: 'Ada Lovelace' });
		expect(
			(await api('POST', `/credentials/${draft.id}/send`, { deliveryMethod: 'email' })).status,
		).toBe(409);

		const issued = await api('POST', `/credentials/${draft.id}/issue`);
		expect(issued.status).toBe(200);
		expect(issued.body.status).toBe('issued');
		const again = await api('POST', `/credentials/${draft.id}/issue`);
		expect(again.status).toBe(409);
		expect(again.body.error.code).toBe('conflict');

		const noEmail = await api('POST', `/credentials/${draft.id}/send`, { deliveryMethod: 'email' });
		expect(noEmail.status).toBe(400);
		expect(noEmail.body.error.message).toContain('recipient.email');
		expect(
			(await api('POST', `/credentials/${draft.id}/send`, { deliveryMethod: 'sms' })).status,
		).toBe(400);

		await api('PATCH', `/credentials/${draft.id}`, { recipient: { email: 'ada@example.org' } });
		const sent = await api('POST', `/credentials/${draft.id}/send`, { deliveryMethod: 'email' });
		expect(sent.status).toBe(200);
		expect(sent.body.id).toBe(draft.id);
		const { body: sends } = await control('GET', '/sends');
		expect(sends.sends).toEqual([
			expect.objectContaining({
				credentialId: draft.id,
				to: 'ada@example.org',
				deliveryMethod: 'email',
			}),
		]);
	});

	test('create-issue-send does all three, and refuses without an email before creating anything', async () => {
		const refused = await api('POST', '/credentials/create-issue-send', {
			groupId: SEED_GROUP,
			recipient: { name: 'No Mail' },
		});
		expect(refused.status).toBe(400);
		expect((await control('GET', '/credentials')).body.data).toHaveLength(0);

		const r = await api('POST', '/credentials/create-issue-send', {
			groupId: SEED_GROUP,
			recipient: { name: 'Grace', email: 'grace@example.org' },
		});
		expect(r.status).toBe(200);
		expect(r.body.status).toBe('issued');
		expect((await control('GET', '/sends')).body.sends).toHaveLength(1);
	});

	test('PATCH expiryDate null clears it; DELETE is permanent', async () => {
		const { body: c } = await create({ name: 'Alan' });
		expect(c.expiryDate).not.toBeNull();
		const patched = await api('PATCH', `/credentials/${c.id}`, {
			expiryDate: null,
			customAttributes: { 'custom.grade': 'A' },
		});
		expect(patched.body).toMatchObject({
			expiryDate: null,
			customAttributes: { 'custom.grade': 'A' },
		});
		expect(patched.body.updatedAt >= c.updatedAt).toBe(true);

		const del = await api('DELETE', `/credentials/${c.id}`);
		expect(del.status).toBe(204);
		expect((await api('GET', `/credentials/${c.id}`)).status).toBe(404);
		expect((await api('DELETE', `/credentials/${c.id}`)).status).toBe(404);
	});

	test('scheduled and expired follow the dates on the virtual clock', async () => {
		const today = new Date(sb.now());
		const day = (offset: number) =>
			new Date(today.getTime() + offset * 86_400_000).toISOString().slice(0, 10);
		const { body: c } = await create(
			{ name: 'Future' },
			{ issueDate: day(2), expiryDate: day(10) },
		);
		expect((await api('POST', `/credentials/${c.id}/issue`)).body.status).toBe('scheduled');
		sb.advanceClock(3 * 86_400_000);
		expect((await api('GET', `/credentials/${c.id}`)).body.status).toBe('issued');
		sb.advanceClock(10 * 86_400_000);
		expect((await api('GET', `/credentials/${c.id}`)).body.status).toBe('expired');
	});

	test('the control dump counts creations per recipient and group (duplicate detection)', async () => {
		await create({ name: 'Twice', email: 'Twice@example.org' });
		await create({ name: 'Twice', email: 'twice@example.org' });
		await create({ name: 'Once', email: 'once@example.org' });
		const { body } = await control('GET', '/credentials');
		expect(body.creationsPerRecipientAndGroup).toEqual(
			expect.arrayContaining([
				{ groupId: SEED_GROUP, recipient: 'twice@example.org', count: 2 },
				{ groupId: SEED_GROUP, recipient: 'once@example.org', count: 1 },
			]),
		);
		const ids = body.data
			.filter((c: any) => c.recipient.email.toLowerCase() === 'twice@example.org')
			.map((c: any) => c.recipient.id);
		expect(new Set(ids).size).toBe(1); // one recipient behind one email
	});
});

describe('pagination', () => {
	async function pageThrough(limit: number, onPage?: (n: number) => Promise<void>) {
		const ids: string[] = [];
		let cursor: string | null = null;
		let pages = 0;
		do {
			const query: string = `?limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`;
			const r: Answer = await api('GET', `/credentials${query}`);
			expect(r.status).toBe(200);
			ids.push(...r.body.data.map((c: { id: string }) => c.id));
			cursor = r.body.pagination.next;
			pages += 1;
			await onPage?.(pages);
		} while (cursor);
		return { ids, pages };
	}

	test('2,500 credentials: 25 pages of 100, each id once, newest first', async () => {
		const seeded = await control('POST', '/seed-credentials', { count: 2500 });
		expect(seeded.body.created).toBe(2500);
		const { ids, pages } = await pageThrough(100);
		expect(pages).toBe(25);
		expect(ids).toHaveLength(2500);
		expect(new Set(ids).size).toBe(2500);
		expect(ids[0]).toBe(seeded.body.lastId);
		expect(ids[2499]).toBe(seeded.body.firstId);
	});

	test('default limit 20, and prev leads back to the page before', async () => {
		await control('POST', '/seed-credentials', { count: 45 });
		const first = await api('GET', '/credentials');
		expect(first.body.data).toHaveLength(20);
		expect(first.body.pagination.prev).toBeNull();
		const second = await api(
			'GET',
			`/credentials?cursor=${encodeURIComponent(first.body.pagination.next)}`,
		);
		const back = await api(
			'GET',
			`/credentials?cursor=${encodeURIComponent(second.body.pagination.prev)}`,
		);
		expect(back.body.data.map((c: any) => c.id)).toEqual(first.body.data.map((c: any) => c.id));
		expect((await api('GET', '/credentials?cursor=garbage')).status).toBe(400);
	});

	test('credentials created while paging neither repeat nor hide the ones not yet seen', async () => {
		await control('POST', '/seed-credentials', { count: 250 });
		const { ids } = await pageThrough(100, async () => {
			await create({ name: 'Newcomer' });
		});
		expect(new Set(ids).size).toBe(ids.length);
		expect(ids.length).toBeGreaterThanOrEqual(250);
	});

	test('groups page too, limit ≤ 100', async () => {
		const r = await api('GET', '/groups?limit=1');
		expect(r.body.data).toHaveLength(1);
		expect(r.body.pagination.next).toEqual(expect.any(String));
		expect((await api('GET', '/groups?limit=500')).status).toBe(400);
	});
});

describe('search', () => {
	beforeEach(async () => {
		const people = [
			{ name: 'John Smith', email: 'john@company.com' },
			{ name: 'Johnny Walker', email: 'johnny@other.org' },
			{ name: 'Mary Major', email: 'mary@company.com' },
		];
		for (const p of people) await create(p);
		const { body: all } = await api('POST', '/credentials/search', {});
		const mary = all.data.find((c: any) => c.recipient.name === 'Mary Major');
		const john = all.data.find((c: any) => c.recipient.name === 'John Smith');
		await api('POST', `/credentials/${mary.id}/issue`);
		await api('POST', `/credentials/${john.id}/issue`);
	});

	const names = async (body: unknown) => {
		const r = await api('POST', '/credentials/search', body);
		expect(r.status).toBe(200);
		return r.body.data.map((c: any) => c.recipient.name).sort();
	};

	test("the vendor's AND example", async () => {
		expect(
			await names({
				filter: {
					AND: [{ status: { equals: 'issued' } }, { recipient: { name: { contains: 'John' } } }],
				},
			}),
		).toEqual(['John Smith']);
	});

	test('OR, NOT and nesting', async () => {
		expect(
			await names({
				filter: {
					OR: [
						{ status: { equals: 'draft' } },
						{ recipient: { email: { endsWith: '@company.com' } } },
					],
				},
			}),
		).toEqual(['John Smith', 'Johnny Walker', 'Mary Major']);
		expect(
			await names({
				filter: {
					AND: [
						{ NOT: [{ recipient: { email: { endsWith: '@company.com' } } }] },
						{ recipient: { name: { startsWith: 'john' } } },
					],
				},
			}),
		).toEqual(['Johnny Walker']);
		expect(await names({ filter: { status: { in: ['draft', 'expired'] } } })).toEqual([
			'Johnny Walker',
		]);
	});

	test('"created since" for a polling trigger, and sorting', async () => {
		const since = sb.advanceClock(60_000).toISOString();
		await create({ name: 'Late Comer' });
		expect(await names({ filter: { createdAt: { gte: since } } })).toEqual(['Late Comer']);
		const r = await api('POST', '/credentials/search', {
			sort: { property: 'recipient.name', order: 'asc' },
			limit: 2,
		});
		expect(r.body.data.map((c: any) => c.recipient.name)).toEqual(['John Smith', 'Johnny Walker']);
		const next = await api('POST', '/credentials/search', {
			sort: { property: 'recipient.name', order: 'asc' },
			limit: 2,
			cursor: r.body.pagination.next,
		});
		expect(next.body.data.map((c: any) => c.recipient.name)).toEqual(['Late Comer', 'Mary Major']);
	});

	test.each([
		[{ filter: { status: { contains: 'iss' } } }, 'filter.status.contains'],
		[{ filter: { recipient: { phone: { equals: 'x' } } } }, 'filter.recipient.phone'],
		[{ filter: { AND: {} } }, 'filter.AND'],
		[{ filter: { createdAt: { gte: 'yesterday' } } }, 'filter.createdAt.gte'],
		[{ sort: { property: 'createdAt', order: 'up' } }, 'sort.order'],
	])('a bad filter names its node (%#)', async (body, path) => {
		const r = await api('POST', '/credentials/search', body);
		expect(r.status).toBe(400);
		expect(r.body.error.message).toContain(`${path}:`);
	});
});

describe('groups, designs, attributes', () => {
	test('a group needs existing designs', async () => {
		const bad = await api('POST', '/groups', {
			name: 'G',
			designIds: ['01aaaaaaaaaaaaaaaaaaaaaaaa'],
		});
		expect(bad.body.error.message).toContain('designIds[0]:');
		expect((await api('POST', '/groups', { name: 'G', designIds: [] })).status).toBe(400);
		const { body: designs } = await api('GET', '/designs');
		const ok = await api('POST', '/groups', {
			name: 'Financial Markets',
			designIds: [designs.data[0].id],
			learningEventUrl: 'https://example.org/fm',
		});
		expect(ok.body).toMatchObject({
			name: 'Financial Markets',
			learningEventUrl: 'https://example.org/fm',
			designIds: [designs.data[0].id],
		});
		const patched = await api('PATCH', `/groups/${ok.body.id}`, { name: 'Financial Markets II' });
		expect(patched.body.name).toBe('Financial Markets II');
		expect((await api('GET', `/groups/${SEED_GROUP}`)).body.name).toBe(
			'Introduction to Data Science',
		);
	});

	test('the legacy design fields are still accepted, answered back, and never mixed with designIds', async () => {
		const { body: designs } = await api('GET', '/designs');
		const [certificate, badge] = designs.data.map((d: { id: string }) => d.id);
		const legacy = await api('POST', '/groups', {
			name: 'Legacy',
			certificateDesignId: certificate,
			badgeDesignId: badge,
		});
		expect(legacy.status).toBe(200);
		expect(legacy.body).toMatchObject({
			designIds: [certificate, badge],
			certificateDesignId: certificate,
			badgeDesignId: badge,
		});
		const mixed = await api('POST', '/groups', {
			name: 'Mixed',
			designIds: [certificate],
			badgeDesignId: badge,
		});
		expect(mixed.status).toBe(400);
		expect(mixed.body.error).toEqual({
			code: 'validation_error',
			message: expect.stringContaining('badgeDesignId:'),
		});
		const patched = await api('PATCH', `/groups/${legacy.body.id}`, {
			designIds: [badge],
			certificateDesignId: certificate,
		});
		expect(patched.status).toBe(400);
		expect(patched.body.error.message).toContain('certificateDesignId:');
		const none = await api('POST', '/groups', { name: 'No design' });
		expect(none.status).toBe(400);
		expect(none.body.error.message).toBe('designIds: is required');
	});

	test('a group is deleted for good, but not while credentials of it exist', async () => {
		const { body: designs } = await api('GET', '/designs');
		const { body: g } = await api('POST', '/groups', {
			name: 'Short-lived',
			designIds: [designs.data[0].id],
		});
		const deleted = await api('DELETE', `/groups/${g.id}`);
		expect(deleted.status).toBe(204);
		expect(deleted.body).toBe('');
		expect((await api('GET', `/groups/${g.id}`)).status).toBe(404);
		expect((await api('DELETE', `/groups/${g.id}`)).body.error.code).toBe('not_found');
		await create({ name: 'Holder' });
		const busy = await api('DELETE', `/groups/${SEED_GROUP}`);
		expect(busy.status).toBe(409);
		expect(busy.body.error.code).toBe('conflict');
	});

	test('a design is the published object, with a preview image', async () => {
		const { body: designs } = await api('GET', '/designs');
		const r = await api('GET', `/designs/${designs.data[0].id}`);
		expect(Object.keys(r.body)).toEqual([
			'id',
			'name',
			'type',
			'previewUrl',
			'createdAt',
			'updatedAt',
		]);
		const png = await fetch(r.body.previewUrl);
		expect(png.headers.get('content-type')).toBe('image/png');
		expect((await api('GET', '/designs/01aaaaaaaaaaaaaaaaaaaaaaaa')).status).toBe(404);
	});

	test('interactions are created with the published fields, each required', async () => {
		const { body: c } = await create({ name: 'Viewer' });
		const made = await api('POST', '/credential-interactions', {
			credentialId: c.id,
			eventType: 'credential_shared_to_linkedin',
		});
		expect(made.status).toBe(200);
		expect(made.body).toMatchObject({
			credentialId: c.id,
			eventType: 'credential_shared_to_linkedin',
			triggeredBy: expect.stringMatching(/^(recipient|guest)$/),
		});
		for (const [body, field] of [
			[{ eventType: 'credential_viewed' }, 'credentialId'],
			[{ credentialId: c.id }, 'eventType'],
		] as const) {
			const r = await api('POST', '/credential-interactions', body);
			expect(r.status).toBe(400);
			expect(r.body.error).toEqual({ code: 'validation_error', message: `${field}: is required` });
		}
		const wrong = await api('POST', '/credential-interactions', {
			credentialId: c.id,
			eventType: 'viewed',
		});
		expect(wrong.status).toBe(400);
		expect(wrong.body.error.message).toContain('eventType:');
		expect(
			(
				await api('POST', '/credential-interactions', {
					credentialId: '01aaaaaaaaaaaaaaaaaaaaaaaa',
					eventType: 'credential_viewed',
				})
			).status,
		).toBe(404);
		const list = await api('GET', `/credential-interactions?credentialId=${c.id}`);
		expect(list.body.data).toEqual([made.body]);
	});

	test('attributes list the custom tags', async () => {
		const r = await api('GET', '/attributes');
		expect(r.body).toEqual(
			expect.arrayContaining([{ tag: 'custom.mentor', name: 'Mentor', isDefault: false }]),
		);
	});

	test('design previews are real PNG and PDF files on the sandbox', async () => {
		const { body: c } = await create({ name: 'Preview Person' });
		const r = await api('GET', `/credentials/${c.id}/designs`);
		expect(r.body).toHaveLength(2);
		const previews = r.body[0].previews as Array<{ format: string; url: string }>;
		expect(previews.map((p) => p.format)).toEqual(['png', 'pdf']);
		const png = await fetch(previews[0].url);
		expect(png.headers.get('content-type')).toBe('image/png');
		expect(Buffer.from(await png.arrayBuffer()).subarray(0, 8)).toEqual(
			Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
		);
		const pdf = await fetch(previews[1].url);
		expect(pdf.headers.get('content-type')).toBe('application/pdf');
		const text = Buffer.from(await pdf.arrayBuffer()).toString('latin1');
		expect(text.startsWith('%PDF-1.4')).toBe(true);
		expect(text).toContain('Preview Person');
		await api('DELETE', `/credentials/${c.id}`);
		expect((await fetch(previews[0].url)).status).toBe(404);
	});
});

describe('webhooks', () => {
	let receiver: {
		url: string;
		received: Array<{ headers: IncomingHttpHeaders; raw: string }>;
		close(): Promise<void>;
	};
	beforeAll(async () => {
		const received: Array<{ headers: IncomingHttpHeaders; raw: string }> = [];
		const server = createServer((req, res) => {
			let raw = '';
			req.setEncoding('utf8').on('data', (c: string) => (raw += c));
			req.on('end', () => {
				received.push({ headers: req.headers, raw });
				res.writeHead(204).end();
			});
		});
		await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
		receiver = {
			url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
			received,
			close: () => new Promise<void>((resolve) => server.close(() => resolve())),
		};
	});
	afterAll(() => receiver?.close());
	beforeEach(() => {
		receiver.received.length = 0;
	});

	const verify = (secret: string, raw: string, signature: string | string[] | undefined) => {
		const expected = Buffer.from(createHmac('sha256', secret).update(raw).digest('hex'));
		const got = Buffer.from(String(signature));
		return got.length === expected.length && timingSafeEqual(got, expected);
	};

	test('events are signed with the endpoint secret and carry the documented payload', async () => {
		const { body: endpoint } = await control('POST', '/webhooks', {
			url: receiver.url,
			secret: 'whsec_test',
		});
		const { body: c } = await create({ name: 'Hooked', email: 'hooked@example.org' });
		await api('POST', `/credentials/${c.id}/issue`);
		await control('POST', `/credentials/${c.id}/interactions`, { eventType: 'credential_viewed' });
		await control('POST', '/webhooks/flush');

		expect(receiver.received.map((r) => JSON.parse(r.raw).type)).toEqual([
			'credential.created',
			'credential.issued',
			'credential.viewed',
		]);
		for (const { headers, raw } of receiver.received) {
			expect(verify(endpoint.secret, raw, headers['x-webhook-signature'])).toBe(true);
			expect(verify('another-secret', raw, headers['x-webhook-signature'])).toBe(false);
			const event = JSON.parse(raw);
			expect(Object.keys(event)).toEqual(['id', 'type', 'createdAt', 'data']);
			expect(event.id).toMatch(ULID);
			expect(event.data.resource).toEqual({ id: c.id, type: 'credential' });
		}
		// Created and issued carry only data.resource (the official example); a viewed event
		// also carries the credential and the interaction (as observed on the vendor's forum).
		const [created, issued, viewed] = receiver.received.map((r) => JSON.parse(r.raw).data);
		expect(Object.keys(created)).toEqual(['resource']);
		expect(Object.keys(issued)).toEqual(['resource']);
		const interactions = await api('GET', `/credential-interactions?credentialId=${c.id}`);
		expect(interactions.body.data).toEqual([
			{
				id: expect.stringMatching(ULID),
				credentialId: c.id,
				eventType: 'credential_viewed',
				triggeredBy: 'recipient',
				triggeredAt: expect.any(String),
			},
		]);
		expect(viewed.credential).toMatchObject({ id: c.id, status: 'issued' });
		expect(viewed.credentialInteraction).toEqual(interactions.body.data[0]);
	});

	test('an endpoint gets only the events it subscribed to, and an event can be replayed as it was', async () => {
		await control('POST', '/webhooks', {
			url: receiver.url,
			secret: 's1',
			events: ['credential.deleted'],
		});
		const { body: c } = await create({ name: 'Gone' });
		await api('DELETE', `/credentials/${c.id}`);
		await control('POST', '/webhooks/flush');
		expect(receiver.received).toHaveLength(1);
		const first = receiver.received[0];
		expect(JSON.parse(first.raw).type).toBe('credential.deleted');

		const { body: events } = await control('GET', '/webhooks/events');
		const deleted = events.events.find((e: any) => e.type === 'credential.deleted');
		const replay = await control('POST', `/webhooks/redeliver/${deleted.id}`);
		expect(replay.body.deliveries).toEqual([expect.objectContaining({ status: 204 })]);
		expect(receiver.received[1].raw).toBe(first.raw);
		expect(receiver.received[1].headers['x-webhook-signature']).toBe(
			first.headers['x-webhook-signature'],
		);
		expect((await control('POST', '/webhooks/redeliver/nope')).status).toBe(404);
	});
});

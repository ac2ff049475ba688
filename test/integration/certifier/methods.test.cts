// The editor's pickers against the sandbox: group and design list search (filter, pages by
// Certifier's cursor, dashboard links) and the custom attributes offered from Certifier's list.
import type { ILoadOptionsFunctions } from 'n8n-workflow';
import { listSearch, loadOptions } from '../../../nodes/Certifier/methods';
import { editorContext } from './editor-context.cjs';
import { startCertifierEnv, type CertifierEnv, SEED_DESIGNS, SEED_GROUP } from './env.cjs';

let env: CertifierEnv;
let ctx: ILoadOptionsFunctions;
beforeAll(async () => {
	env = await startCertifierEnv();
	ctx = editorContext({
		accessToken: env.sb.demo.certifier.accessToken,
		apiVersion: env.sb.demo.certifier.version,
		baseUrl: env.sb.urls.certifier,
	});
});
afterAll(async () => await env?.close());
beforeEach(() => env.sb.reset());

test('groups from the list, filtered by name, with their dashboard URL', async () => {
	const all = await listSearch.searchGroups.call(ctx);
	expect(all.results.map((r) => r.name).sort()).toEqual([
		'Introduction to Data Science',
		'Workplace Safety Essentials',
	]);
	const filtered = await listSearch.searchGroups.call(ctx, 'data SCIENCE');
	expect(filtered).toEqual({
		results: [
			{
				name: 'Introduction to Data Science',
				value: SEED_GROUP,
				url: `https://app.certifier.io/groups/${SEED_GROUP}`,
			},
		],
		paginationToken: undefined,
	});
	expect(
		env
			.apiRequests({ method: 'GET', pathIncludes: '/groups' })
			.every((r) => r.headers.authorization === `Bearer ${env.sb.demo.certifier.accessToken}`),
	).toBe(true);
});

test('more groups than one page: n8n gets a pagination token and the next call continues', async () => {
	for (let i = 0; i < 120; i++)
		await env.api('POST', '/groups', {
			name: `Course ${String(i).padStart(3, '0')}`,
			designIds: [SEED_DESIGNS[0]],
		});
	const first = await listSearch.searchGroups.call(ctx);
	expect(first.results).toHaveLength(100);
	expect(typeof first.paginationToken).toBe('string');
	const second = await listSearch.searchGroups.call(ctx, undefined, first.paginationToken);
	expect(second.results).toHaveLength(22);
	expect(second.paginationToken).toBeUndefined();
	expect(new Set([...first.results, ...second.results].map((r) => r.value)).size).toBe(122);
});

test('designs list search and the design multi-select', async () => {
	const found = await listSearch.searchDesigns.call(ctx, 'badge');
	expect(found.results).toEqual([
		{
			name: 'Round badge',
			value: SEED_DESIGNS[1],
			url: `https://app.certifier.io/designs/${SEED_DESIGNS[1]}`,
		},
	]);
	const options = await loadOptions.getDesigns.call(ctx);
	expect(options.map((o) => o.value).sort()).toEqual([...SEED_DESIGNS].sort());
});

test('custom attributes are offered from Certifier’s list, built-in ones left out', async () => {
	const options = await loadOptions.getCustomAttributes.call(ctx);
	expect(options).toEqual([
		{ name: 'Course Hours (custom.hours)', value: 'custom.hours' },
		{ name: 'Grade (custom.grade)', value: 'custom.grade' },
		{ name: 'Mentor (custom.mentor)', value: 'custom.mentor' },
	]);
});

test('a wrong token in the editor is Certifier’s unauthorized, readable', async () => {
	const bad = editorContext({
		accessToken: 'wrong-token',
		apiVersion: env.sb.demo.certifier.version,
		baseUrl: env.sb.urls.certifier,
	});
	await expect(listSearch.searchGroups.call(bad)).rejects.toThrow(
		'Certifier answered 401 [unauthorized]: A valid authentication token was not provided with the request',
	);
});

test('credentials from the list: newest first, searched by recipient name or email, paged, with their dashboard URL', async () => {
	await env.control('POST', '/seed-credentials', { count: 120 });
	const first = await listSearch.searchCredentials.call(ctx);
	expect(first.results).toHaveLength(100);
	expect(first.paginationToken).toEqual(expect.any(String));
	const next = await listSearch.searchCredentials.call(ctx, undefined, first.paginationToken);
	expect(next.results).toHaveLength(20);
	expect(next.paginationToken).toBeUndefined();
	const ids = [...first.results, ...next.results].map((r) => r.value);
	expect(new Set(ids).size).toBe(120);
	const { data } = await env.control('GET', '/credentials');
	const one = data.find((c: any) => c.recipient.name === 'Seed Recipient 00042');
	const byName = await listSearch.searchCredentials.call(ctx, 'recipient 00042');
	expect(byName.results).toEqual([
		{
			name: `Seed Recipient 00042 <${one.recipient.email}> (${one.status})`,
			value: one.id,
			url: `https://app.certifier.io/credentials/${one.id}`,
		},
	]);
	const byEmail = await listSearch.searchCredentials.call(ctx, one.recipient.email.toUpperCase());
	expect(byEmail.results.map((r) => r.value)).toEqual([one.id]);
	expect(env.apiRequests({ method: 'POST', pathIncludes: '/search' })[1].body).toMatchObject({
		sort: { property: 'createdAt', order: 'desc' },
		limit: 100,
	});
});

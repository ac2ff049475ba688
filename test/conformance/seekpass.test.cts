// SEEK Pass against its published reference (shared/api/seek-pass-reference.md): every example
// there is a case naming its source page — the education sample of §5.1 as printed, and for each
// other type an example built from its field table (§5.2–§5.7). For each API version the type
// has: (a) the node, given editor fields, sends the example JSON-equal; (b) the sandbox accepts
// the example as written; (c) with one required field left empty, the node refuses before any
// request, naming item and field. v2 paths and the envelope placement of partner_chain follow the
// lead's contract (wt/SEEKPASS-CONTRACT.md) where the reference does not print them.
import { NodeOperationError, type IDataObject, type INodeParameters } from 'n8n-workflow';
import { SEEK_PASS_V2_ADD_PATHS } from '../../nodes/SeekPass/constants';
import { SCOPES as SANDBOX_SCOPES } from '../../sandbox/seekpass/constants.cjs';
import { startSeekPassEnv } from '../integration/seekpass/env.cjs';
import { useServiceEnv } from '../integration/service-env.cjs';
import { EMPTY, SEEK_PASS_EXAMPLES, type SeekPassExample } from './seekpass-examples.cjs';

const env = useServiceEnv(startSeekPassEnv);

const INPUT: IDataObject[] = [{ blank: '' }];
const ID = 'seek-pass-test-a9a4839f-53d9-4064-8b0b-1348113a33f8';

type Version = 'v1' | 'v2';

const pathOf = (version: Version, type: string) =>
	version === 'v1'
		? `/api/partner/v1/add/${type}.json`
		: SEEK_PASS_V2_ADD_PATHS[type as keyof typeof SEEK_PASS_V2_ADD_PATHS];

function parameters(c: SeekPassExample, version: Version, over: INodeParameters = {}) {
	return {
		resource: 'credential',
		operation: 'add',
		apiVersion: version,
		submissionIdMode: 'given',
		submissionId: ID,
		...c.parameters,
		...(version === 'v1' ? c.v1Parameters : {}),
		...over,
	};
}

/** A token holding every scope the sandbox's demo client has, as a partner's call would. */
async function token(): Promise<string> {
	const res = await fetch(`${env.sb.urls.seekPass}/api/partner/v1/oauth/token.json`, {
		method: 'POST',
		headers: { 'content-type': 'application/x-www-form-urlencoded' },
		body: new URLSearchParams({
			grant_type: 'client_credentials',
			client_id: env.sb.demo.seekPass.clientId,
			client_secret: env.sb.demo.seekPass.clientSecret,
			scope: SANDBOX_SCOPES.join(' '),
		}),
	});
	return ((await res.json()) as { access_token: string }).access_token;
}

const cases = SEEK_PASS_EXAMPLES.flatMap((c) =>
	(['v1', 'v2'] as const)
		.filter((version) => version === 'v2' || c.v1 !== undefined)
		.map((version) => ({ ...c, version, label: `${c.name} (${version})` })),
);

describe.each(cases)('$label — $source', (c) => {
	const example = () => (c.version === 'v1' ? c.v1!(ID) : c.v2(ID));
	const path = pathOf(c.version, c.type);

	test('(a) the node builds the example from editor fields', async () => {
		const run = await env.run(parameters(c, c.version), INPUT);
		// Refused before sending (e.g. a scope the sandbox does not grant) shows here first.
		if (run.error instanceof NodeOperationError) throw run.error;
		const sent = env.apiRequests({ pathIncludes: '/add/' });
		expect(sent.map((r) => r.path)).toEqual([`/seekpass${path}`]);
		expect(sent[0].body).toEqual(example());
	});

	test('(b) the sandbox accepts the example', async () => {
		const res = await fetch(`${env.sb.urls.seekPass}${path}`, {
			method: 'POST',
			headers: {
				authorization: `Bearer ${await token()}`,
				'content-type': 'application/json',
				accept: 'application/json',
			},
			body: JSON.stringify(example()),
		});
		expect(res.status).toBe(201);
		expect(((await res.json()) as { redirect_uri?: unknown }).redirect_uri).toEqual(
			expect.any(String),
		);
	});

	const idField = c.version === 'v1' ? 'id' : 'credential_id';
	const removals = [...c.removals, { field: idField, over: { submissionId: EMPTY } }];
	test.each(removals)(
		'(c) without $field the node refuses before any request, naming item and field',
		async ({ field, over }) => {
			const run = await env.run(parameters(c, c.version, over), INPUT);
			const escaped = field.replace(/[.[\]]/g, (ch) => `\\${ch}`);
			expect((run.error as Error | undefined)?.message).toMatch(
				new RegExp(`^Invalid .+ in item 0: ${escaped}: `),
			);
			expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
		},
	);
});

describe('universal credential exists only in v2 — https://developer.seekpass.co/en-au/docs/guide/universal-credential-field-descriptions/', () => {
	test('asked for in v1, the node refuses before any request, naming the API Version', async () => {
		const universal = SEEK_PASS_EXAMPLES.find((c) => c.type === 'universal_credential')!;
		const run = await env.run(parameters(universal, 'v1'), INPUT);
		expect((run.error as Error | undefined)?.message).toMatch(
			/^Invalid .+ in item 0: apiVersion: universal_credential exists only in SEEK Pass API v2/,
		);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});
});

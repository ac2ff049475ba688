// credential:addBatch v2 with Attachments, against a small local stand-in for SEEK Pass that
// answers the contract's 201 {credential_id, redirect_uri, uploads} and plays the storage host
// of the presigned upload links. It records what reached it, so the tests can assert that the
// files arrive with their content type and bytes and WITHOUT the token, that a failed upload
// keeps the link, and that a file given by URL is downloaded and uploaded again.
import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeExecutionData, INodeParameters } from 'n8n-workflow';
import { SeekPassOAuth2Api } from '../../../../credentials/SeekPassOAuth2Api.credentials';
import { SeekPass } from '../../../../nodes/SeekPass/SeekPass.node';
import { createInProcessN8n, type InProcessN8n, type NodeRun } from '../../../in-process/index.cjs';
import * as batch from '../batch-fixtures.cjs';

interface Received {
	method: string;
	path: string;
	headers: IncomingMessage['headers'];
	body: Buffer;
}

const TOKEN = 'stand-in-access-token';
const PNG = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3]);

let server: Server;
let base: string;
let n8n: InProcessN8n;
let received: Received[] = [];
/** Statuses the next PUTs answer, in order (then 200). */
let putAnswers: number[] = [];

async function readBody(req: IncomingMessage): Promise<Buffer> {
	const chunks: Buffer[] = [];
	for await (const chunk of req) chunks.push(chunk as Buffer);
	return Buffer.concat(chunks);
}

/** 201 of the contract: one upload link per asset sent without asset_data. */
function batchAnswer(body: IDataObject): IDataObject {
	const uploads: IDataObject[] = [];
	for (const [key, value] of Object.entries(body)) {
		if (key === 'credential_id') continue;
		for (const item of (Array.isArray(value) ? value : [value]) as IDataObject[]) {
			for (const asset of (item.assets ?? []) as IDataObject[]) {
				if (asset.asset_data) continue;
				const type = String(asset.asset_type);
				uploads.push({
					credential_id: item.credential_id,
					asset_id: asset.asset_id,
					asset_type: type,
					content_type: { pdf: 'application/pdf', png: 'image/png', jpg: 'image/jpeg' }[type],
					upload_url: `${base}/_uploads/${encodeURIComponent(String(asset.asset_id))}?expires=9999999999&signature=s3cr3t-signature`,
				});
			}
		}
	}
	return {
		credential_id: body.credential_id,
		redirect_uri: `${base}/partner/add/batch#clientId=stand-in&content=req-${String(body.credential_id)}`,
		uploads,
	};
}

beforeAll(async () => {
	server = createServer((req, res) => {
		void readBody(req).then((body) => {
			const path = (req.url ?? '').replace(/\?.*$/, '');
			received.push({ method: req.method ?? '', path, headers: req.headers, body });
			const json = (status: number, value: unknown) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(value));
			};
			if (path.endsWith('/oauth/token.json')) {
				return json(200, { access_token: TOKEN, token_type: 'Bearer', expires_in: 3600 });
			}
			if (req.method === 'POST' && path.includes('/add/')) {
				if (req.headers.authorization !== `Bearer ${TOKEN}`)
					return json(401, { error: 'invalid_token' });
				const parsed = JSON.parse(body.toString('utf8')) as IDataObject;
				return path.includes('/v1/')
					? json(201, { redirect_uri: `${base}/partner/add/batch#clientId=stand-in&content=v1` })
					: json(201, batchAnswer(parsed));
			}
			if (req.method === 'PUT' && path.startsWith('/_uploads/')) {
				const status = putAnswers.shift() ?? 200;
				res.writeHead(status);
				return res.end(status === 200 ? '' : '<Error><Code>AccessDenied</Code></Error>');
			}
			if (req.method === 'GET' && path === '/files/badge.png') {
				res.writeHead(200, { 'content-type': 'image/png' });
				return res.end(PNG);
			}
			json(404, { error: 'not_found' });
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
	n8n = await createInProcessN8n({
		nodeTypes: [new SeekPass()],
		credentialTypes: [new SeekPassOAuth2Api()],
	});
	n8n.setCredential('seekPassOAuth2Api', {
		id: 'stand-in',
		data: {
			environment: 'custom',
			customBaseUrl: base,
			clientId: 'c',
			clientSecret: 'client-secret',
		},
	});
});

afterAll(async () => {
	await new Promise((resolve) => server.close(resolve));
});

beforeEach(() => {
	received = [];
	putAnswers = [];
});

const run = async (
	parameters: INodeParameters,
	input: INodeExecutionData[],
	options: { continueOnFail?: boolean } = {},
): Promise<NodeRun> =>
	await n8n.runNode({
		type: 'seekPass',
		parameters: {
			resource: 'credential',
			operation: 'addBatch',
			batchSource: 'items',
			...parameters,
		},
		credentials: { seekPassOAuth2Api: 'stand-in' },
		input,
		// Retries of a 5xx upload wait a little, not the default seconds.
		...options,
	});

const jsonOf = (r: NodeRun) => (r.output[0] ?? []).map((i) => i.json);
const sent = (method: string, pathPart: string) =>
	received.filter((r) => r.method === method && r.path.includes(pathPart));

/** Every type's fields from the item's json, the type too: one node mixes types. */
const fromItems: INodeParameters = {
	...batch.batchFromItems,
	assets: {
		asset: [{ assetType: '={{ $json.assetType }}', source: 'binary', binaryProperty: 'data' }],
	},
};

const pdfBytes = Buffer.from('%PDF-1.4 Ann Lee, BSc\n%%EOF');
const annDegree: INodeExecutionData = {
	json: { ...batch.annDegree, assetType: 'pdf' },
	binary: {
		data: { data: pdfBytes.toString('base64'), mimeType: 'application/pdf', fileName: 'bsc.pdf' },
	},
};
const annBadge: INodeExecutionData = { json: batch.annBadge };
const bobIdentity: INodeExecutionData = { json: batch.bobIdentity };

/** Items without a file: the Attachments row is left out for them. */
const noAssets = { ...fromItems, assets: {} };

test('v2 batches from editor fields: per-type keys, a single-object identity, a stable top-level id', async () => {
	const first = await run(noAssets, [
		annBadge,
		bobIdentity,
		{ json: { ...annBadge.json, badge: 'Word' } },
	]);
	expect(first.error).toBeUndefined();
	const bodies = sent('POST', '/add/').map((r) => JSON.parse(r.body.toString()) as IDataObject);
	expect(sent('POST', '/add/').map((r) => r.path)).toEqual([
		'/api/partner/v2/add/requests/batch.json',
		'/api/partner/v2/add/requests/batch.json',
	]);
	const [ann, bob] = bodies;
	const uuid = expect.stringMatching(
		/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
	);
	expect(ann).toEqual({
		credential_id: uuid,
		microcredential_items: [
			{ credential_id: uuid, fields: batch.annBadgeFields },
			{ credential_id: uuid, fields: { ...batch.annBadgeFields, microcredential_name: 'Word' } },
		],
	});
	expect(bob).toEqual({
		credential_id: uuid,
		digital_identity: {
			credential_id: uuid,
			fields: batch.bobIdentityFields,
		},
	});
	expect(jsonOf(first)[0]).toMatchObject({
		person: 'ann@example.com',
		batchId: ann.credential_id,
		redirectUri: `${base}/partner/add/batch#clientId=stand-in&content=req-${String(ann.credential_id)}`,
		uploadsFailed: 0,
	});

	// A re-run sends the same ids: SEEK Pass answers the link it already made.
	received = [];
	await run(noAssets, [annBadge, bobIdentity, { json: { ...annBadge.json, badge: 'Word' } }]);
	expect(sent('POST', '/add/').map((r) => JSON.parse(r.body.toString()))).toEqual(bodies);
});

test('an attachment from the item’s binary data: sent as {asset_id, asset_type}, then PUT without the token', async () => {
	const result = await run(fromItems, [annDegree]);
	expect(result.error).toBeUndefined();
	const [post] = sent('POST', '/add/');
	const body = JSON.parse(post.body.toString()) as { education_items: IDataObject[] };
	const credentialId = String(body.education_items[0].credential_id);
	expect(body.education_items[0].assets).toEqual([
		{ asset_id: `${credentialId}-asset-1`, asset_type: 'pdf' },
	]);
	expect(post.headers.authorization).toBe(`Bearer ${TOKEN}`);

	const puts = sent('PUT', '/_uploads/');
	expect(puts).toHaveLength(1);
	expect(puts[0].headers['content-type']).toBe('application/pdf');
	expect(puts[0].headers.authorization).toBeUndefined();
	expect(JSON.stringify(puts[0].headers)).not.toContain(TOKEN);
	expect(puts[0].body.equals(pdfBytes)).toBe(true);

	expect(jsonOf(result)[0].credentials).toEqual([
		{
			credentialId,
			credentialType: 'education',
			assets: [
				{
					assetId: `${credentialId}-asset-1`,
					assetType: 'pdf',
					contentType: 'application/pdf',
					bytes: pdfBytes.length,
					status: 'uploaded',
				},
			],
		},
	]);
});

test('a file given by URL is downloaded, then uploaded with its asset type’s content type', async () => {
	const result = await run(
		{
			...fromItems,
			assets: {
				asset: [
					{ assetType: 'png', source: 'url', url: `${'={{ $json.fileBase }}'}/files/badge.png` },
				],
			},
		},
		[{ json: { ...annBadge.json, fileBase: base } }],
	);
	expect(result.error).toBeUndefined();
	const download = sent('GET', '/files/badge.png');
	expect(download).toHaveLength(1);
	expect(download[0].headers.authorization).toBeUndefined();
	const [put] = sent('PUT', '/_uploads/');
	expect(put.headers['content-type']).toBe('image/png');
	expect(put.headers.authorization).toBeUndefined();
	expect(put.body.equals(PNG)).toBe(true);
	const [credential] = jsonOf(result)[0].credentials as IDataObject[];
	expect(credential.assets).toEqual([
		expect.objectContaining({
			assetType: 'png',
			contentType: 'image/png',
			bytes: PNG.length,
			status: 'uploaded',
		}),
	]);
});

test('a refused upload fails that attachment only: the link is kept and the failure counted', async () => {
	putAnswers = [403];
	const result = await run(fromItems, [annDegree]);
	expect(result.error).toBeUndefined();
	const [out] = jsonOf(result);
	expect(out.redirectUri).toMatch(/\/partner\/add\/batch#clientId=stand-in&content=req-/);
	expect(out.uploadsFailed).toBe(1);
	const [asset] = (out.credentials as Array<{ assets: IDataObject[] }>)[0].assets;
	expect(asset).toMatchObject({
		status: 'failed',
		bytes: pdfBytes.length,
		contentType: 'application/pdf',
	});
	expect(asset.error).toMatch(/upload failed.*403/);
	// The link's signature is a permission: it appears nowhere in the output.
	expect(JSON.stringify(out)).not.toContain('s3cr3t-signature');
	expect(sent('POST', '/add/')).toHaveLength(1);
});

test('an upload answered 503 is sent again (a PUT replaces the file)', async () => {
	putAnswers = [503];
	const result = await run(fromItems, [annDegree], {});
	expect(result.error).toBeUndefined();
	expect(sent('PUT', '/_uploads/')).toHaveLength(2);
	expect(
		(jsonOf(result)[0].credentials as Array<{ assets: IDataObject[] }>)[0].assets[0].status,
	).toBe('uploaded');
});

test('refused before any request: a missing binary field, two digital identities for one person', async () => {
	const noFile = await run(fromItems, [{ json: annDegree.json }]);
	expect((noFile.error as Error).message).toMatch(
		/in item 0: assets\[0\]\.binaryProperty: the input item has no binary field "data"/,
	);
	const twice = await run(noAssets, [bobIdentity, annBadge, bobIdentity]);
	expect((twice.error as Error).message).toMatch(
		/in item 2: batchCredentialType: a batch takes one digital identity; item 0 already gives one for this person/,
	);
	expect(received.filter((r) => !r.path.endsWith('/oauth/token.json'))).toEqual([]);
});

test('API v1: the §6.1 body from the same fields, to the v1 path, attachments not offered', async () => {
	const result = await run({ ...fromItems, apiVersion: 'v1' }, [
		{ json: annDegree.json },
		annBadge,
	]);
	expect(result.error).toBeUndefined();
	const [post] = sent('POST', '/add/');
	expect(post.path).toBe('/api/partner/v1/add/batch.json');
	const uuid = expect.stringMatching(
		/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
	);
	expect(JSON.parse(post.body.toString())).toEqual({
		id: uuid,
		credentials: [
			{
				id: uuid,
				credential_type: 'education',
				data: { credential: batch.annDegreeFields },
			},
			{
				id: uuid,
				credential_type: 'microcredential',
				data: { credential: batch.annBadgeFields },
			},
		],
	});
	expect(sent('PUT', '/_uploads/')).toEqual([]);
	expect(jsonOf(result)[0]).toMatchObject({
		person: 'ann@example.com',
		redirectUri: `${base}/partner/add/batch#clientId=stand-in&content=v1`,
	});
});

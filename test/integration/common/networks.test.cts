// Networks and certificates (README): the nodes behind a proxy (HTTP_PROXY / HTTPS_PROXY, as
// n8n honours them), and the credentials' "Ignore SSL Issues" switch against a custom host with a
// self-signed certificate — a TLS front generated here, forwarding to the sandbox.
import * as http from 'node:http';
import * as https from 'node:https';
import type { AddressInfo } from 'node:net';
import {
	NodeHelpers,
	type IDataObject,
	type INodeParameters,
	type INodeProperties,
} from 'n8n-workflow';
import { createProxy } from 'proxy';
import { generate } from 'selfsigned';
import { CertifierApi } from '../../../credentials/CertifierApi.credentials';
import { SeekPassOAuth2Api } from '../../../credentials/SeekPassOAuth2Api.credentials';
import { SmartResumeOAuth2Api } from '../../../credentials/SmartResumeOAuth2Api.credentials';
import { CERTIFIER_DEFAULT_BASE_URL } from '../../../nodes/Certifier/constants';
import { Certifier } from '../../../nodes/Certifier/Certifier.node';
import { SeekPass } from '../../../nodes/SeekPass/SeekPass.node';
import { startSandbox, type Sandbox } from '../../../sandbox/index.cjs';
import { createInProcessN8n, type InProcessN8n, type NodeRun } from '../../in-process/index.cjs';

let sb: Sandbox;
let n8n: InProcessN8n;
let tls: https.Server;
let tlsOrigin: string;
/** Requests that reached the self-signed front (i.e. passed a TLS handshake). */
const tlsRequests: string[] = [];

beforeAll(async () => {
	sb = await startSandbox({ port: 0 });
	const pems = await generate([{ name: 'commonName', value: '127.0.0.1' }], {
		keySize: 2048,
		extensions: [{ name: 'subjectAltName', altNames: [{ type: 7, ip: '127.0.0.1' }] }],
	});
	tls = https.createServer({ key: pems.private, cert: pems.cert }, (req, res) => {
		tlsRequests.push(`${req.method} ${req.url}`);
		const upstream = http.request(
			`${sb.origin}${req.url}`,
			{ method: req.method, headers: { ...req.headers, host: new URL(sb.origin).host } },
			(answer) => {
				res.writeHead(answer.statusCode ?? 502, answer.headers);
				answer.pipe(res);
			},
		);
		req.pipe(upstream);
	});
	await new Promise<void>((resolve) => tls.listen(0, '127.0.0.1', resolve));
	tlsOrigin = `https://127.0.0.1:${(tls.address() as AddressInfo).port}`;
	n8n = await createInProcessN8n({
		nodeTypes: [new Certifier(), new SeekPass()],
		credentialTypes: [new CertifierApi(), new SeekPassOAuth2Api()],
	});
});

afterAll(async () => {
	await new Promise((resolve) => tls?.close(resolve));
	await sb?.close();
});

beforeEach(() => {
	sb.reset();
	tlsRequests.length = 0;
});

function certifierCredential(id: string, baseUrl: string, extra: IDataObject = {}): string {
	return n8n.setCredential('certifierApi', {
		id,
		data: {
			accessToken: sb.demo.certifier.accessToken,
			apiVersion: sb.demo.certifier.version,
			baseUrl,
			...extra,
		},
	});
}

const listGroups = async (credentialId: string): Promise<NodeRun> =>
	await n8n.runNode({
		type: 'certifier',
		parameters: { resource: 'group', operation: 'getAll', returnAll: true },
		credentials: { certifierApi: credentialId },
	});

function seekPassCredential(id: string, extra: IDataObject): string {
	return n8n.setCredential('seekPassOAuth2Api', {
		id,
		data: {
			environment: 'custom',
			customBaseUrl: `${tlsOrigin}${new URL(sb.urls.seekPass).pathname}`,
			clientId: sb.demo.seekPass.clientId,
			clientSecret: sb.demo.seekPass.clientSecret,
			...extra,
		},
	});
}

const listWebhooks = async (credentialId: string): Promise<NodeRun> =>
	await n8n.runNode({
		type: 'seekPass',
		parameters: { resource: 'webhook', operation: 'getAll' },
		credentials: { seekPassOAuth2Api: credentialId },
	});

const errorText = (run: NodeRun) => {
	const error = run.error as { message?: string; description?: string } | undefined;
	return `${error?.message ?? ''} ${error?.description ?? ''}`;
};

describe('a custom host with a self-signed certificate', () => {
	const certifierTls = () => `${tlsOrigin}${new URL(sb.urls.certifier).pathname}`;

	test('is refused by default: the certificate is verified', async () => {
		const run = await listGroups(certifierCredential('certifier-tls-strict', certifierTls()));
		expect(run.error).toBeDefined();
		expect(errorText(run)).toMatch(/certificate|SSL|TLS/i);
		expect(tlsRequests).toHaveLength(0);
	});

	test('Certifier: Ignore SSL Issues lets the request through', async () => {
		const run = await listGroups(
			certifierCredential('certifier-tls-lax', certifierTls(), { ignoreSSLIssues: true }),
		);
		expect(run.error).toBeUndefined();
		expect(run.output[0].length).toBeGreaterThan(0);
		expect(tlsRequests.some((r) => r.startsWith('GET ') && r.includes('/groups'))).toBe(true);
	});

	test('SEEK Pass (OAuth2): the token request and the API call both honour the switch', async () => {
		const strict = await listWebhooks(seekPassCredential('seekpass-tls-strict', {}));
		expect(strict.error).toBeDefined();
		expect(tlsRequests).toHaveLength(0);

		const lax = await listWebhooks(
			seekPassCredential('seekpass-tls-lax', { ignoreSSLIssues: true }),
		);
		expect(lax.error).toBeUndefined();
		expect(tlsRequests.some((r) => r.startsWith('POST ') && r.includes('/oauth/token'))).toBe(true);
		expect(tlsRequests.some((r) => r.startsWith('GET ') && r.includes('/webhooks'))).toBe(true);
	});
});

describe('Ignore SSL Issues applies only to a custom base URL', () => {
	// n8n computes a credential's data with NodeHelpers.getNodeParameters, which drops fields their
	// display options hide: a switch left on does nothing once the vendor's host is selected.
	const decrypted = (properties: INodeProperties[], data: INodeParameters) =>
		NodeHelpers.getNodeParameters(properties, data, true, false, null, null) as IDataObject;

	test.each([
		['SEEK Pass', new SeekPassOAuth2Api().properties],
		['SmartResume', new SmartResumeOAuth2Api().properties],
	])('%s: dropped for staging and production, kept for a custom host', (_name, properties) => {
		for (const environment of ['staging', 'production']) {
			expect(decrypted(properties, { environment, ignoreSSLIssues: true })).not.toHaveProperty(
				'ignoreSSLIssues',
			);
		}
		expect(
			decrypted(properties, {
				environment: 'custom',
				customBaseUrl: 'https://x',
				ignoreSSLIssues: true,
			}),
		).toMatchObject({
			ignoreSSLIssues: true,
		});
	});

	test("Certifier: dropped for Certifier's own API, kept for another Base URL", () => {
		const { properties } = new CertifierApi();
		expect(
			decrypted(properties, { baseUrl: CERTIFIER_DEFAULT_BASE_URL, ignoreSSLIssues: true }),
		).not.toHaveProperty('ignoreSSLIssues');
		expect(
			decrypted(properties, { baseUrl: 'https://certifier.test/v1', ignoreSSLIssues: true }),
		).toMatchObject({
			ignoreSSLIssues: true,
		});
	});

	test('off by default, with its warning in the description', () => {
		for (const type of [new CertifierApi(), new SeekPassOAuth2Api(), new SmartResumeOAuth2Api()]) {
			const field = type.properties.find((p) => p.name === 'ignoreSSLIssues');
			expect(field).toMatchObject({ type: 'boolean', default: false });
			expect(field?.description).toMatch(/Insecure/);
		}
	});
});

describe('behind a proxy (HTTP_PROXY / HTTPS_PROXY)', () => {
	let proxy: http.Server;
	let proxyUrl: string;
	const proxied: string[] = [];
	const saved = { ...process.env };

	beforeAll(async () => {
		proxy = createProxy(http.createServer());
		proxy.on('request', (req: http.IncomingMessage) => proxied.push(`${req.method} ${req.url}`));
		proxy.on('connect', (req: http.IncomingMessage) => proxied.push(`CONNECT ${req.url}`));
		await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
		proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
	});

	afterAll(async () => {
		for (const name of [
			'HTTP_PROXY',
			'HTTPS_PROXY',
			'NO_PROXY',
			'http_proxy',
			'https_proxy',
			'no_proxy',
		]) {
			if (saved[name] === undefined) delete process.env[name];
			else process.env[name] = saved[name];
		}
		await new Promise((resolve) => proxy?.close(resolve));
	});

	beforeEach(() => {
		proxied.length = 0;
		for (const name of ['NO_PROXY', 'no_proxy', 'http_proxy', 'https_proxy'])
			delete process.env[name];
	});

	test('HTTP_PROXY: a plain-HTTP base URL is reached through the proxy', async () => {
		process.env.HTTP_PROXY = proxyUrl;
		try {
			const run = await listGroups(certifierCredential('certifier-proxied', sb.urls.certifier));
			expect(run.error).toBeUndefined();
			expect(proxied.some((r) => r.startsWith(`GET ${sb.urls.certifier}/groups`))).toBe(true);
		} finally {
			delete process.env.HTTP_PROXY;
		}
	});

	test('HTTPS_PROXY: an HTTPS base URL is tunnelled through the proxy (CONNECT)', async () => {
		process.env.HTTPS_PROXY = proxyUrl;
		try {
			const run = await listGroups(
				certifierCredential(
					'certifier-proxied-tls',
					`${tlsOrigin}${new URL(sb.urls.certifier).pathname}`,
					{
						ignoreSSLIssues: true,
					},
				),
			);
			expect(run.error).toBeUndefined();
			expect(proxied).toContain(`CONNECT ${new URL(tlsOrigin).host}`);
			expect(tlsRequests.length).toBeGreaterThan(0);
		} finally {
			delete process.env.HTTPS_PROXY;
		}
	});

	test('without a proxy variable nothing goes through the proxy', async () => {
		const run = await listGroups(certifierCredential('certifier-direct', sb.urls.certifier));
		expect(run.error).toBeUndefined();
		expect(proxied).toEqual([]);
	});
});

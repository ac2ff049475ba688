// SmartResume Trigger (use case 3) through n8n's production webhook path (runWebhook), then the
// whole flow against the emulator: SmartResume opens an import request, the browser arrives
// with recipientToken and redirectURL, the workflow pushes with the token, and the browser is
// sent back. Anything invalid gets a 400 page: no workflow, no Location.
import type { INodeParameters } from 'n8n-workflow';
import type { WebhookRun } from '../../in-process/index.cjs';
import {
	ACCEPTED_REDIRECTS,
	REFUSED_REDIRECTS,
} from '../../unit/smartresume/trigger/open-redirect-cases.cjs';
import { jsonOf, startSmartResumeEnv } from './env.cjs';
import { useServiceEnv } from '../service-env.cjs';

const env = useServiceEnv(startSmartResumeEnv, { reset: (e) => e.clear() });

async function visit(
	query: Record<string, string | string[]>,
	parameters: INodeParameters = {},
): Promise<WebhookRun> {
	return await env.n8n.runWebhook({
		type: 'smartResumeTrigger',
		parameters,
		request: { method: 'GET', headers: { accept: 'text/html' }, query, rawBody: Buffer.alloc(0) },
	});
}

function expectRefused(run: WebhookRun, status = 400): void {
	expect(run.error).toBeUndefined();
	expect(run.status).toBe(status);
	expect(run.noWebhookResponse).toBe(true);
	expect(run.workflowData).toBeNull();
	expect(run.headers.location).toBeUndefined();
	expect(run.headers['content-type']).toBe('text/html; charset=utf-8');
	expect(run.headers['cache-control']).toBe('no-store');
}

const TOKEN = 'abc123';

describe('valid requests', () => {
	test.each(ACCEPTED_REDIRECTS)(
		'%j: emits token and URL, redirects there when the workflow is done',
		async (url, sentTo) => {
			const run = await visit({ recipientToken: TOKEN, redirectURL: url });
			expect(run.error).toBeUndefined();
			expect(run.workflowData).toEqual([
				[{ json: { recipientToken: TOKEN, redirectURL: sentTo } }],
			]);
			expect(run.responseMode).toBe('lastNode');
			expect(run.status).toBeUndefined(); // n8n answers after the last node
			expect(run.headers.location).toBe(sentTo);
			expect(run.headers['referrer-policy']).toBe('no-referrer');
		},
	);

	test("with 'Respond to Webhook' the trigger sets no Location: the Respond node redirects", async () => {
		const run = await visit(
			{ recipientToken: TOKEN, redirectURL: 'https://my.smartresume.com/x' },
			{ respond: 'responseNode' },
		);
		expect(run.responseMode).toBe('responseNode');
		expect(run.workflowData).toEqual([
			[{ json: { recipientToken: TOKEN, redirectURL: 'https://my.smartresume.com/x' } }],
		]);
		expect(run.headers.location).toBeUndefined();
	});
});

describe('invalid requests get a 400 page and never a redirect', () => {
	test.each(REFUSED_REDIRECTS)('redirectURL %j (%s)', async (url) => {
		const run = await visit({ recipientToken: TOKEN, redirectURL: url });
		expectRefused(run);
		expect(String(run.body)).toContain('redirectURL');
		const echo = url.slice(8, 30);
		if (echo.length >= 6) expect(String(run.body)).not.toContain(echo);
	});

	test.each([
		[{ redirectURL: 'https://my.smartresume.com/x' }, 'recipientToken is required'],
		[
			{ recipientToken: '', redirectURL: 'https://my.smartresume.com/x' },
			'recipientToken is required',
		],
		[
			{ recipientToken: 'a'.repeat(513), redirectURL: 'https://my.smartresume.com/x' },
			'recipientToken must be at most 512 characters',
		],
		[
			{ recipientToken: 'abc"><script>', redirectURL: 'https://my.smartresume.com/x' },
			'recipientToken may only hold',
		],
		[
			{ recipientToken: 'abc 123', redirectURL: 'https://my.smartresume.com/x' },
			'recipientToken may only hold',
		],
		[
			{ recipientToken: ['abc', 'def'], redirectURL: 'https://my.smartresume.com/x' },
			'recipientToken must be given once',
		],
		[
			{
				recipientToken: TOKEN,
				redirectURL: ['https://my.smartresume.com/x', 'https://evil.example/'],
			},
			'redirectURL is missing or given more than once',
		],
		[{ recipientToken: TOKEN }, 'redirectURL is missing'],
		[{}, 'recipientToken is required'],
	])('%j', async (query, problem) => {
		const run = await visit(query as Record<string, string | string[]>);
		expectRefused(run);
		expect(String(run.body)).toContain(problem);
		expect(String(run.body)).not.toContain('<script>');
	});

	test('a host that is not on a custom allow-list is refused, even a SmartResume one', async () => {
		const run = await visit(
			{ recipientToken: TOKEN, redirectURL: 'https://my.smartresume.com/x' },
			{ allowedHosts: 'mystage.smartresume.com' },
		);
		expectRefused(run);
	});

	test('a misconfigured allow-list answers 500 without starting the workflow, and fails activation', async () => {
		const params = { allowedHosts: 'http://my.smartresume.com' };
		expectRefused(
			await visit({ recipientToken: TOKEN, redirectURL: 'https://my.smartresume.com/x' }, params),
			500,
		);
		await expect(
			env.n8n.runWebhookMethod({
				type: 'smartResumeTrigger',
				parameters: params,
				method: 'create',
			}),
		).rejects.toThrow(
			'Allowed Redirect Hosts: "http://my.smartresume.com": plain http is allowed for localhost, 127.0.0.1 and [::1] only',
		);
		const ok = await env.n8n.runWebhookMethod({
			type: 'smartResumeTrigger',
			parameters: {},
			method: 'create',
		});
		expect(ok.result).toBe(true);
	});
});

test('use case 3 end to end: SmartResume sends the holder, the workflow pushes with the token, the browser returns', async () => {
	const origin = new URL(env.sb.urls.smartResume).origin;
	const request = await env.control('POST', '/import-requests', {
		partnerUrl: 'https://partner.example/smartresume/import',
		userId: 'sr-user-7',
	});
	const arrival = new URL(request.browserUrl);
	const query = Object.fromEntries(arrival.searchParams.entries());

	const trigger = await visit(query, { allowedHosts: origin });
	expect(trigger.error).toBeUndefined();
	const emitted = trigger.workflowData![0][0].json;
	expect(emitted).toEqual({
		recipientToken: request.recipientToken,
		redirectURL: request.redirectURL,
	});

	const push = await env.run(
		{
			resource: 'credential',
			operation: 'push',
			recipientToken: '={{ $json.recipientToken }}',
			source: 'fields',
			assertionId: 'award-77',
			achievementId: 'BADGE-1',
			achievementType: 'Badge',
			achievementName: 'Open Source Contributor',
			issuerId: 'partner-1',
			issuerName: 'Partner',
		},
		[emitted],
	);
	expect(push.error).toBeUndefined();
	const body = env.apiRequests()[0].body as any;
	expect(body.recipienttoken).toBe(request.recipientToken);
	expect(body.recipient).toBeUndefined();
	expect(jsonOf(push)[0].recipientId).toBeNull();

	const upload = await env.upload(String(jsonOf(push)[0].identifierToken));
	expect(upload).toMatchObject({ recipientId: 'sr-user-7', importRequestId: request.id });

	// The browser follows the Location the trigger set once the workflow is done.
	const back = await fetch(trigger.headers.location, { redirect: 'manual' });
	expect(back.status).toBe(200);
	expect(await back.text()).toContain('data-status="completed"');
	const { importRequests } = await env.control('GET', '/import-requests');
	expect(importRequests.find((r: any) => r.id === request.id).status).toBe('completed');
});

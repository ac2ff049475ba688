// verification:create against the sandbox.
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';

const env = seekPassEnvPerFile();

test('create sends display options, callback, sources and metadata, and gives link and request id', async () => {
	const run = await env.run({
		resource: 'verification',
		operation: 'create',
		partner_name: 'Acme Recruiting',
		verificationFields: {
			callback_url: 'https://www.example.com/back',
			partner_logo_url: 'https://www.example.com/logo.png',
			request_source: { sources: [{ name: 'Acme' }, { name: 'JobBoard' }] },
		},
		metadata: { position_title: 'Nurse', applied_on_seek: true },
	});

	expect(run.error).toBeUndefined();
	const [out] = jsonOf(run);
	expect(out).toEqual({
		requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
		redirectUri: expect.stringContaining(`#clientId=${env.sb.demo.seekPass.clientId}&content=`),
		contentId: out.requestId,
		clientId: env.sb.demo.seekPass.clientId,
	});
	expect(env.apiRequests({ pathIncludes: '/verify/' })[0].body).toEqual({
		request_id: out.requestId,
		callback_url: 'https://www.example.com/back',
		display_options: {
			partner_name: 'Acme Recruiting',
			partner_logo_url: 'https://www.example.com/logo.png',
		},
		request_source: [{ name: 'Acme' }, { name: 'JobBoard' }],
		metadata: { position_title: 'Nurse', applied_on_seek: true },
	});
});

test('a bad URL fails naming the field, before any request', async () => {
	const run = await env.run({
		resource: 'verification',
		operation: 'create',
		partner_name: 'Acme',
		verificationFields: { callback_url: 'www.example.com/back' },
	});
	expect((run.error as Error).message).toMatch(/in item 0: callback_url: must be a URL/);
	expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
});

// verification:get against the sandbox.
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';

const env = seekPassEnvPerFile();

test('get reads the result once the person has verified', async () => {
	const created = await env.run({
		resource: 'verification',
		operation: 'create',
		partner_name: 'Acme',
		verificationFields: { request_id: 'vr-1' },
	});
	expect(jsonOf(created)[0].requestId).toBe('vr-1');
	const get = () => env.run({ resource: 'verification', operation: 'get', requestId: 'vr-1' });

	expect(jsonOf(await get())[0]).toMatchObject({ request_id: 'vr-1', status: 'incomplete' });
	await env.control('POST', '/verifications/vr-1', {
		status: 'verified',
		credential: { full_name: 'Sam Person', date_of_birth: '1991-02-03' },
	});
	expect(jsonOf(await get())[0]).toEqual({
		request_id: 'vr-1',
		status: 'verified',
		credential: { full_name: 'Sam Person', date_of_birth: '1991-02-03' },
		verified_at: expect.any(String),
	});
});

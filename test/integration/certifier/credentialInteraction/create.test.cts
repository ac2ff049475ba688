// Certifier credential interaction: Create, with the event type from the dropdown.
import { CERTIFIER_INTERACTION_EVENT_TYPES } from '../../../../nodes/Certifier/constants';
import { Certifier } from '../../../../nodes/Certifier/Certifier.node';
import { byId, createDraft, json, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

test('the dropdown offers exactly the thirteen published event types', () => {
	const field = new Certifier().description.properties.find(
		(p) =>
			p.name === 'eventType' && p.displayOptions?.show?.resource?.includes('credentialInteraction'),
	);
	const values = (field?.options as Array<{ value: string }>).map((o) => o.value);
	expect([...values].sort()).toEqual([...CERTIFIER_INTERACTION_EVENT_TYPES].sort());
});

test('create records the interaction and sends exactly the published body', async () => {
	const id = await createDraft(env);
	const run = await env.run({
		resource: 'credentialInteraction',
		operation: 'create',
		credentialId: byId(id),
		eventType: 'credential_shared_to_linkedin',
	});
	expect(run.error).toBeUndefined();
	expect(
		env.apiRequests({ method: 'POST', pathIncludes: '/credential-interactions' })[0].body,
	).toEqual({ credentialId: id, eventType: 'credential_shared_to_linkedin' });
	expect(json(run)).toEqual([
		{
			id: expect.any(String),
			credentialId: id,
			eventType: 'credential_shared_to_linkedin',
			triggeredBy: expect.any(String),
			triggeredAt: expect.any(String),
		},
	]);
});

test('an event type outside the published list, or no credential, is refused before any request', async () => {
	const id = await createDraft(env);
	const before = env.apiRequests().length;
	const bad = await env.run({
		resource: 'credentialInteraction',
		operation: 'create',
		credentialId: byId(id),
		eventType: 'viewed',
	});
	expect((bad.error as Error).message).toMatch(
		/^Invalid credential interaction in item 0: eventType: /,
	);
	const none = await env.run(
		{
			resource: 'credentialInteraction',
			operation: 'create',
			credentialId: '={{ $json.id }}',
			eventType: 'credential_viewed',
		},
		[{ id: '' }],
	);
	expect((none.error as Error).message).toBe(
		'Invalid credential interaction in item 0: credentialId: is required (field “Credential”)',
	);
	expect(env.apiRequests()).toHaveLength(before);
});

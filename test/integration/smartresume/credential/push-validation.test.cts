// Bad input is refused before any request, naming the item and the field; Continue on Fail
// turns each refusal into that item's error item while the valid items are still sent.
import { NodeOperationError, type INodeParameters } from 'n8n-workflow';
import { fixture, jsonOf, startSmartResumeEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startSmartResumeEnv, { reset: (e) => e.clear() });

const course: INodeParameters = {
	resource: 'credential',
	operation: 'push',
	recipientId: '={{ $json.who }}',
	source: 'fields',
	format: 'ob3',
	assertionId: '={{ $json.id }}',
	achievementId: 'MATH-101',
	achievementType: 'Course',
	achievementName: 'Calculus',
	issuerId: '123456789',
	issuerName: 'Institution X',
	groupByRecipient: true,
};

const message = (error: unknown) => (error as Error).message;

test('a missing recipient ID fails naming item and field, and nothing is sent', async () => {
	const run = await env.run(course, [
		{ who: 'A', id: 'a-1' },
		{ who: '', id: 'a-2' },
	]);
	expect(run.error).toBeInstanceOf(NodeOperationError);
	expect(message(run.error)).toBe(
		'Invalid SmartResume push in item 1: recipient.id: is required (unless a recipient token is given) (field “Recipient ID”)',
	);
	expect((run.error as NodeOperationError).context.fields).toEqual(['recipient.id']);
	expect(env.sb.requests({ service: 'smartResume' })).toHaveLength(0);
});

test('the same assertion ID twice in one request is refused on the later item, before sending', async () => {
	const run = await env.run(course, [
		{ who: 'A', id: 'same' },
		{ who: 'B', id: 'same' },
		{ who: 'A', id: 'same' },
	]);
	expect(message(run.error)).toBe(
		'Invalid SmartResume push in item 2: credentials[0].id: "same" is already sent by item 0 in the same request: assertion ids must be unique',
	);
	expect(env.sb.requests({ service: 'smartResume' })).toHaveLength(0);
});

test('duplicates inside one JSON item are refused with their path', async () => {
	const body = fixture('three-courses.json');
	body.credentials[2].id = body.credentials[0].id;
	const run = await env.run(
		{ resource: 'credential', operation: 'push', source: 'json', credentialJson: '={{ $json }}' },
		[body],
	);
	expect(message(run.error)).toBe(
		'Invalid SmartResume push in item 0: credentials[2].id: "351843720888468" is already the id of credentials[0]: assertion ids must be unique',
	);
	expect(env.sb.requests({ service: 'smartResume' })).toHaveLength(0);
});

test.each([
	// n8n itself refuses a required field left empty; an expression that yields nothing gets here.
	[
		{ issuerName: '={{ $json.nothing }}' },
		'credentials[0].issuer.name: is required (field “Issuer Name”)',
	],
	[{ achievementName: '={{ $json.nothing }}' }, 'credentials[0].name: is required (and 1 more)'],
	[
		{ achievementId: '   ' },
		'credentials[0].credentialSubject.achievement.id: is required (field “Achievement ID”)',
	],
	[{ recipientDetails: { email: 'not-an-email' } }, 'recipient.email: must be an email address'],
	[
		{ recipientToken: 'abc<script>' },
		'recipienttoken: may only hold letters, digits and . _ ~ + / = - (field “Recipient Token”)',
	],
	[
		{ achievementType: '__custom', customAchievementType: '={{ $json.nothing }}' },
		'credentials[0].credentialSubject.achievement.achievementType: is required (field “Achievement Type”)',
	],
	[{ recipientId: '={{ { nested: true } }}' }, 'recipient.id: must be text (field “Recipient ID”)'],
])('%j is refused: %s', async (change, problem) => {
	const run = await env.run({ ...course, ...change }, [{ who: 'A', id: 'a-1' }]);
	expect(message(run.error)).toBe(`Invalid SmartResume push in item 0: ${problem}`);
	expect(env.sb.requests({ service: 'smartResume' })).toHaveLength(0);
});

test('bad JSON text and a non-credential are refused', async () => {
	const text = await env.run({
		resource: 'credential',
		operation: 'push',
		source: 'json',
		recipientId: '1',
		credentialJson: '{"id": ',
	});
	expect(message(text.error)).toBe(
		'Invalid SmartResume push in item 0: credentialJson: is not valid JSON (field “Credential JSON”)',
	);
	const wrong = await env.run(
		{
			resource: 'credential',
			operation: 'push',
			source: 'json',
			recipientId: '1',
			credentialJson: '={{ $json }}',
		},
		[{ id: 'x', type: ['VerifiableCredential'], name: 'n' }],
	);
	expect(message(wrong.error)).toBe(
		'Invalid SmartResume push in item 0: credentials[0].type: must include VerifiableCredential and OpenBadgeCredential or AchievementCredential (and 2 more)',
	);
	expect(env.sb.requests({ service: 'smartResume' })).toHaveLength(0);
});

test('Continue on Fail: refused items become error items in place, the rest are sent', async () => {
	const run = await env.run(
		course,
		[
			{ who: 'A', id: 'a-1' },
			{ who: '', id: 'x' },
			{ who: 'A', id: 'a-1' },
			{ who: 'B', id: 'b-1' },
		],
		{ continueOnFail: true },
	);
	expect(run.error).toBeUndefined();
	const out = jsonOf(run);
	expect(run.output[0].map((i) => i.pairedItem)).toEqual([
		{ item: 0 },
		{ item: 1 },
		{ item: 2 },
		{ item: 3 },
	]);
	expect(out[0]).toMatchObject({ recipientId: 'A', assertionIds: ['a-1'] });
	expect(out[1].error).toBe(
		'Invalid SmartResume push in item 1: recipient.id: is required (unless a recipient token is given) (field “Recipient ID”)',
	);
	expect(out[2].error).toMatch(
		/^Invalid SmartResume push in item 2: credentials\[0\]\.id: "a-1" is already sent by item 0/,
	);
	expect(out[3]).toMatchObject({ recipientId: 'B', assertionIds: ['b-1'] });
	expect(env.apiRequests().map((r) => (r.body as any).recipient.id)).toEqual(['A', 'B']);
});

test('contradicting recipient details under one ID are refused (two people, one ID?)', async () => {
	const run = await env.run({ ...course, recipientDetails: { email: '={{ $json.email }}' } }, [
		{ who: 'A', id: 'a-1', email: 'a@example.org' },
		{ who: 'A', id: 'a-2', email: '' },
		{ who: 'A', id: 'a-3', email: 'other@example.org' },
	]);
	expect(message(run.error)).toBe(
		'Invalid SmartResume push in item 2: recipient.email: differs from item 0, which has the same recipient ID',
	);
	expect(env.sb.requests({ service: 'smartResume' })).toHaveLength(0);
});

test('a SmartResume refusal names the field SmartResume blamed and the item', async () => {
	// A recipient token the emulated SmartResume never issued: valid in form, unknown to it.
	const run = await env.run({ ...course, recipientId: '', recipientToken: 'unknown-token' }, [
		{ id: 'a-1' },
	]);
	expect(message(run.error)).toBe(
		'SmartResume answered 403 [failure]: The recipient token does not match an open import request',
	);
	expect((run.error as NodeOperationError).context.itemIndex).toBe(0);
	expect((run.error as NodeOperationError).description).toContain('Fields: recipienttoken');
	expect(JSON.stringify(run.error)).not.toContain(env.sb.demo.smartResume.accessKey);
});

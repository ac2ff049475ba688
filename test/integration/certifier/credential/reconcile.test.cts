// Certifier credential writes whose answer is lost (nodes/Certifier/helpers/reconcile.ts): the
// sandbox faults exactly one request — 'lost-response' carries the write out and drops the
// answer, 'reset' drops the connection before anything is done — and the node looks at
// Certifier to return what was done, send again what was not, and keep outcomeUnknown when it
// cannot tell. Never anything twice.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import type { FaultTarget } from '../../../../sandbox/index.cjs';
import { byId, createDraft, json, SEED_GROUP, startCertifierEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startCertifierEnv);

const RECIPIENT = { name: 'Grace Hopper', email: 'grace@example.org' };
const SEARCH = '/credentials/search';

function fault(kind: FaultTarget['kind'], method: string, pathEndsWith: string, times = 1) {
	return { kind, method, pathEndsWith, times };
}
function faultOn(...targets: FaultTarget[]): void {
	env.sb.setSwitches({ faultTargets: targets });
}

async function credentials(): Promise<IDataObject[]> {
	return (await env.control('GET', '/credentials')).data;
}
async function creations(): Promise<number> {
	const { creationsPerRecipientAndGroup } = await env.control('GET', '/credentials');
	return creationsPerRecipientAndGroup.find(
		(c: { recipient: string }) => c.recipient === RECIPIENT.email,
	)?.count;
}
async function sends(): Promise<IDataObject[]> {
	return (await env.control('GET', '/sends')).sends;
}
/** Requests to the path ending so (the path of create is the start of search's). */
function requests(method: string, pathEndsWith: string) {
	return env.apiRequests({ method }).filter((r) => r.path.endsWith(pathEndsWith));
}
/** Those that reached Certifier's handlers (an injected reset never does). */
function handled(method: string, pathEndsWith: string) {
	return requests(method, pathEndsWith).filter((r) => r.injected !== 'fault:reset');
}

async function run(parameters: INodeParameters) {
	// The full credential (Simplify off), to compare with what Certifier stored.
	const result = await env.run({ simplify: false, ...parameters }, [{}], { continueOnFail: true });
	expect(result.error).toBeUndefined();
	expect(result.output[0]).toHaveLength(1);
	return json(result)[0];
}

describe.each([
	['create', '/credentials', 'draft', 0],
	['createIssueSend', '/credentials/create-issue-send', 'issued', 1],
] as const)('%s', (operation, path, status, emails) => {
	const parameters: INodeParameters = {
		resource: 'credential',
		operation,
		group: byId(SEED_GROUP),
		recipientName: RECIPIENT.name,
		recipientEmail: RECIPIENT.email,
		options: { includeGroup: false },
	};

	test('the answer is lost after the write: the credential is found and returned, not created again', async () => {
		faultOn(fault('lost-response', 'POST', path));
		const item = await run(parameters);
		const [stored] = await credentials();
		expect(item).toEqual(stored);
		expect(item).toMatchObject({ status, recipient: RECIPIENT, groupId: SEED_GROUP });
		expect(await creations()).toBe(1);
		expect(requests('POST', path)).toHaveLength(1);
		expect(requests('POST', SEARCH)).toHaveLength(1);
		expect(await sends()).toHaveLength(emails);
	});

	test('the connection drops before the write: nothing is found, it is sent again and created once', async () => {
		faultOn(fault('reset', 'POST', path));
		const item = await run(parameters);
		expect(item.error).toBeUndefined();
		expect(item).toMatchObject({ status, recipient: RECIPIENT });
		expect(await creations()).toBe(1);
		expect(requests('POST', path)).toHaveLength(2);
		expect(handled('POST', path)).toHaveLength(1);
		expect(requests('POST', SEARCH)).toHaveLength(1);
		expect(await sends()).toHaveLength(emails);
	});

	test('two credentials of this recipient and group since the request began: outcomeUnknown, nothing sent again', async () => {
		// The same person in the same group, created moments before by another client.
		await env.api('POST', '/credentials', { groupId: SEED_GROUP, recipient: RECIPIENT });
		env.sb.clearRequests();
		faultOn(fault('lost-response', 'POST', path));
		const item = await run(parameters);
		expect(item).toMatchObject({ outcomeUnknown: true });
		expect(String(item.description)).toMatch(/may have carried it out/);
		expect(String(item.description)).toMatch(/2 credentials for this recipient and group/);
		expect(await creations()).toBe(2);
		expect(requests('POST', path)).toHaveLength(1);
		expect(await sends()).toHaveLength(emails);
	});

	test('the lookup fails too (500 on every try): outcomeUnknown, nothing sent again', async () => {
		faultOn(fault('lost-response', 'POST', path), fault('500', 'POST', SEARCH, 3));
		const item = await run(parameters);
		expect(item).toMatchObject({ outcomeUnknown: true });
		expect(String(item.description)).toMatch(/the lookup failed too/);
		expect(await creations()).toBe(1);
		expect(requests('POST', SEARCH)).toHaveLength(3);
		expect(requests('POST', path)).toHaveLength(1);
	});

	test('a 500 on the lookup is tried again: the credential is still found', async () => {
		faultOn(fault('lost-response', 'POST', path), fault('500', 'POST', SEARCH, 2));
		const item = await run(parameters);
		expect(item.error).toBeUndefined();
		expect(item).toMatchObject({ status, recipient: RECIPIENT });
		expect(await creations()).toBe(1);
	});
});

test('a draft without an email is looked up by the recipient name', async () => {
	faultOn(fault('lost-response', 'POST', '/credentials'));
	const item = await run({
		resource: 'credential',
		operation: 'create',
		group: byId(SEED_GROUP),
		recipientName: RECIPIENT.name,
		options: { includeGroup: false },
	});
	expect(item).toEqual((await credentials())[0]);
	expect(await credentials()).toHaveLength(1);
	expect(requests('POST', SEARCH)[0].body).toMatchObject({
		filter: { recipient: { name: { equals: RECIPIENT.name } } },
	});
});

test('create-issue-send found still a draft (created, not issued): outcomeUnknown', async () => {
	// Certifier does not publish whether create-issue-send can stop half-way; the sandbox's never
	// does, so the half-done write is played by a draft of this recipient and group made moments
	// before by another client, and an answer lost before anything was done: the one candidate is
	// a draft, which is not this item's whole write, and it is not sent again either.
	await env.api('POST', '/credentials', { groupId: SEED_GROUP, recipient: RECIPIENT });
	faultOn(fault('reset', 'POST', '/credentials/create-issue-send'));
	const item = await run({
		resource: 'credential',
		operation: 'createIssueSend',
		group: byId(SEED_GROUP),
		recipientName: RECIPIENT.name,
		recipientEmail: RECIPIENT.email,
		options: { includeGroup: false },
	});
	expect(item).toMatchObject({ outcomeUnknown: true });
	expect(String(item.description)).toMatch(/is still a draft/);
	expect(await creations()).toBe(1);
	expect(requests('POST', '/credentials/create-issue-send')).toHaveLength(1);
	expect(await sends()).toHaveLength(0);
});

describe('issue', () => {
	const issue = (id: string) => ({ resource: 'credential', operation: 'issue', credentialId: id });

	test('the answer is lost after issuing: the issued credential is returned', async () => {
		const id = await createDraft(env, RECIPIENT.name, RECIPIENT.email);
		faultOn(fault('lost-response', 'POST', '/issue'));
		const item = await run(issue(id));
		expect(item).toEqual((await credentials())[0]);
		expect(item).toMatchObject({ id, status: 'issued' });
		expect(requests('POST', '/issue')).toHaveLength(1);
	});

	test('the connection drops before issuing: still a draft, so it is issued again, once', async () => {
		const id = await createDraft(env, RECIPIENT.name, RECIPIENT.email);
		faultOn(fault('reset', 'POST', '/issue'));
		const item = await run(issue(id));
		expect(item).toMatchObject({ id, status: 'issued' });
		expect(requests('POST', '/issue')).toHaveLength(2);
		expect(handled('POST', '/issue')).toHaveLength(1);
	});

	test('the lookup fails too: outcomeUnknown', async () => {
		const id = await createDraft(env, RECIPIENT.name, RECIPIENT.email);
		faultOn(fault('lost-response', 'POST', '/issue'), fault('500', 'GET', `/credentials/${id}`, 3));
		const item = await run(issue(id));
		expect(item).toMatchObject({ outcomeUnknown: true });
		expect(String(item.description)).toMatch(/the lookup failed too/);
	});
});

describe('send', () => {
	const send = (id: string) => ({
		resource: 'credential',
		operation: 'send',
		credentialId: id,
		deliveryMethod: 'email',
	});
	async function issuedCredential(): Promise<string> {
		const id = await createDraft(env, RECIPIENT.name, RECIPIENT.email);
		await env.api('POST', `/credentials/${id}/issue`);
		return id;
	}

	test('the answer is lost after sending: Certifier shows no sends, so outcomeUnknown and one email', async () => {
		const id = await issuedCredential();
		faultOn(fault('lost-response', 'POST', '/send'));
		const item = await run(send(id));
		expect(item).toMatchObject({ outcomeUnknown: true });
		expect(String(item.description)).toMatch(/publishes no record of whether its email went out/);
		expect(await sends()).toHaveLength(1);
		expect(requests('POST', '/send')).toHaveLength(1);
	});

	test('the connection drops before sending a draft: it cannot have been sent, so it is sent again and Certifier answers', async () => {
		const id = await createDraft(env, RECIPIENT.name, RECIPIENT.email);
		faultOn(fault('reset', 'POST', '/send'));
		const item = await run(send(id));
		expect(item.outcomeUnknown).toBeUndefined();
		expect(item).toMatchObject({ httpCode: '409', code: 'conflict' });
		expect(requests('POST', '/send')).toHaveLength(2);
		expect(handled('POST', '/send')).toHaveLength(1);
		expect(await sends()).toHaveLength(0);
	});
});

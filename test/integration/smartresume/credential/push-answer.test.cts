// Issue 13: a push SmartResume answered with success is never turned into an error, whatever its
// answer looks like (the answer's key is not published). A stand-in for SmartResume answers the
// push with a body of the test's choosing; the sandbox always answers the assumed key.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { SmartResumeOAuth2Api } from '../../../../credentials/SmartResumeOAuth2Api.credentials';
import { SmartResume } from '../../../../nodes/SmartResume/SmartResume.node';
import { createInProcessN8n, type InProcessN8n } from '../../../in-process/index.cjs';
import { jsonOf } from '../env.cjs';

let server: Server;
let n8n: InProcessN8n;
let credentialId: string;
/** What the stand-in answers the next pushes with. */
let answer: { status: number; body: string; contentType: string };
let pushes = 0;

beforeAll(async () => {
	server = createServer((req, res) => {
		req.resume();
		req.on('end', () => {
			if (req.url === '/api/v1/token') {
				res.writeHead(200, { 'content-type': 'application/json' });
				res.end(
					JSON.stringify({ access_token: 'stand-in', token_type: 'Bearer', expires_in: 3600 }),
				);
				return;
			}
			pushes++;
			res.writeHead(answer.status, { 'content-type': answer.contentType });
			res.end(answer.body);
		});
	});
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	n8n = await createInProcessN8n({
		nodeTypes: [new SmartResume()],
		credentialTypes: [new SmartResumeOAuth2Api()],
	});
	credentialId = n8n.setCredential('smartResumeOAuth2Api', {
		id: 'smartresume-stand-in',
		data: {
			environment: 'custom',
			customBaseUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
			clientId: 'client',
			clientSecret: 'access-key',
		},
	});
});
afterAll(async () => await new Promise((resolve) => server?.close(resolve)));
beforeEach(() => {
	pushes = 0;
});

const json = (status: number, body: unknown) => ({
	status,
	body: JSON.stringify(body),
	contentType: 'application/json',
});

const run = async (parameters: INodeParameters, input: IDataObject[]) =>
	await n8n.runNode({
		type: 'smartResume',
		parameters,
		credentials: { smartResumeOAuth2Api: credentialId },
		input: input.map((item) => ({ json: item })),
	});

const push: INodeParameters = {
	resource: 'credential',
	operation: 'push',
	recipientId: 'R-1',
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

const sync: INodeParameters = {
	resource: 'skill',
	operation: 'sync',
	recipientId: 'R-1',
	issuerId: '123456789',
	issuerName: 'Institution X',
	skillsSource: 'json',
	skillsJson: '[{"name": "Python"}]',
};

test('an answer without a claim link: every item gets claimUrl null, a warning and the answer, no error', async () => {
	const body = { status: 'accepted', uploadId: 'u-77' };
	answer = json(200, body);
	const out = await run(push, [{ id: 'a-1' }, { id: 'a-2' }]);
	expect(out.error).toBeUndefined();
	expect(pushes).toBe(1);
	expect(out.output[0].map((item) => item.pairedItem)).toEqual([{ item: 0 }, { item: 1 }]);
	expect(jsonOf(out).map((item) => item.assertionIds)).toEqual([['a-1'], ['a-2']]);
	for (const item of jsonOf(out)) {
		expect(item).toMatchObject({
			claimUrl: null,
			identifierToken: null,
			answer: body,
			itemsInRequest: 2,
		});
		expect(item.warning).toContain('do not push them again');
	}
});

test('a claim link under another key is found, and the answer is output too', async () => {
	const body = { redirectURL: 'https://my.smartresume.com/createmyresume/tok-9' };
	answer = json(201, body);
	const out = await run(push, [{ id: 'a-1' }]);
	expect(out.error).toBeUndefined();
	expect(jsonOf(out)[0]).toMatchObject({
		claimUrl: 'https://my.smartresume.com/createmyresume/tok-9',
		identifierToken: 'tok-9',
		answer: body,
	});
	expect(jsonOf(out)[0]).not.toHaveProperty('warning');
});

test('a plain-text answer that is no link is output as text, with the warning', async () => {
	answer = { status: 200, body: 'OK', contentType: 'text/plain' };
	const out = await run(push, [{ id: 'a-1' }]);
	expect(out.error).toBeUndefined();
	expect(jsonOf(out)[0]).toMatchObject({
		claimUrl: null,
		answer: 'OK',
		warning: expect.any(String),
	});
});

test('SkillSync reads its answer the same way', async () => {
	answer = json(200, {});
	const out = await run(sync, [{}]);
	expect(out.error).toBeUndefined();
	expect(jsonOf(out)[0]).toMatchObject({
		claimUrl: null,
		answer: {},
		warning: expect.any(String),
		verifiedSkills: 0,
	});
});

test('a refusal is still an error (only success answers are read)', async () => {
	answer = json(400, { imsx_codeMajor: 'failure', imsx_description: 'recipient.id is missing' });
	const out = await run(push, [{ id: 'a-1' }]);
	expect(String((out.error as Error).message)).toContain('recipient.id is missing');
});

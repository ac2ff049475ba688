// skill:sync (SkillSync): the vendor's carrier example built from node fields, JSON-equal and
// accepted; level, category and evidence placed per constants.ts; verified and self-asserted
// skills in separate carriers; bad skills refused before any request.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { SKILL_FIELDS } from '../../../../nodes/SmartResume/constants';
import { fixture, jsonOf, startSmartResumeEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startSmartResumeEnv, { reset: (e) => e.clear() });

const SKILLSYNC = fixture('skillsync-carrier.json');
const carrier = SKILLSYNC.credentials[0];

/** The vendor's example, typed into the node's fields. */
const vendorFields: INodeParameters = {
	resource: 'skill',
	operation: 'sync',
	recipientId: '12345',
	recipientDetails: {
		givenName: 'John',
		familyName: 'Sample',
		additionalName: 'Q',
		email: 'john.q.sample@somedomain.com',
	},
	issuerId: carrier.issuer.id,
	issuerName: carrier.issuer.name,
	skillsSource: 'fields',
	skills: {
		skill: carrier.credentialSubject.achievement.alignment.map((a: IDataObject) => ({
			name: a.targetName,
			description: a.targetDescription,
			verified: true,
		})),
	},
	proof: JSON.stringify(carrier.proof),
	carrierOptions: {
		carrierId: carrier.id,
		achievementId: carrier.credentialSubject.achievement.id,
		achievementName: carrier.credentialSubject.achievement.name,
		awardedDate: carrier.awardedDate,
		framework: 'INSTX',
		name: carrier.name,
	},
};

test("the vendor's SkillSync carrier, JSON-equal from node fields, gives four verified skills", async () => {
	const run = await env.run(vendorFields);
	expect(run.error).toBeUndefined();
	expect(env.apiRequests()).toHaveLength(1);
	expect(env.apiRequests()[0].body).toEqual(SKILLSYNC);
	expect(env.apiRequests()[0].status).toBe(200);
	const out = jsonOf(run)[0];
	expect(out).toMatchObject({
		recipientId: '12345',
		carrierIds: [carrier.id],
		verifiedSkills: 4,
		selfAssertedSkills: 0,
	});
	const upload = await env.upload(String(out.identifierToken));
	expect(upload.entries).toEqual([]);
	expect(upload.skills.map((s: any) => [s.name, s.verified, s.framework])).toEqual([
		['Teaching', true, 'INSTX'],
		['Leadership', true, 'INSTX'],
		['Quality Management', true, 'INSTX'],
		['Sales', true, 'INSTX'],
	]);
});

test('level, category and evidence travel where constants.ts says; unverified skills go into a carrier without proof', async () => {
	const run = await env.run({
		resource: 'skill',
		operation: 'sync',
		recipientId: 'p-1',
		issuerId: 'org-1',
		issuerName: 'Org',
		skillsSource: 'json',
		skillsJson: JSON.stringify([
			{
				name: 'Welding',
				level: 'expert',
				category: 'technical',
				verified: true,
				evidenceUrl: 'https://evidence.example/w/1',
			},
			{
				name: 'Teamwork',
				level: 'intermediate',
				category: 'durable',
				description: 'Works well with others',
			},
		]),
		proof: '{"type": "Ed25519Signature2020", "proofValue": "z3x"}',
	});
	expect(run.error).toBeUndefined();
	const [verified, selfAsserted] = (env.apiRequests()[0].body as any).credentials;
	expect(verified.proof).toEqual({ type: 'Ed25519Signature2020', proofValue: 'z3x' });
	expect(verified.credentialSubject.achievement.alignment).toEqual([
		{
			type: 'Alignment',
			targetName: 'Welding',
			targetType: 'Competency',
			[SKILL_FIELDS.level]: 'expert',
			[SKILL_FIELDS.category]: 'technical',
			[SKILL_FIELDS.evidenceUrl]: 'https://evidence.example/w/1',
		},
	]);
	expect(selfAsserted.proof).toBeUndefined();
	expect(selfAsserted.id).not.toBe(verified.id);
	const upload = await env.upload(String(jsonOf(run)[0].identifierToken));
	expect(upload.skills).toEqual([
		expect.objectContaining({
			name: 'Welding',
			level: 'expert',
			category: 'technical',
			evidenceUrl: 'https://evidence.example/w/1',
			verified: true,
		}),
		expect.objectContaining({
			name: 'Teamwork',
			level: 'intermediate',
			category: 'durable',
			evidenceUrl: null,
			verified: false,
		}),
	]);
	expect(jsonOf(run)[0]).toMatchObject({ verifiedSkills: 1, selfAssertedSkills: 1 });
});

test('derived carrier IDs are the same on every run for the same person and issuer', async () => {
	const params: INodeParameters = {
		resource: 'skill',
		operation: 'sync',
		recipientId: '={{ $json.who }}',
		issuerId: 'org-1',
		issuerName: 'Org',
		skillsSource: 'json',
		skillsJson: '[{"name": "Sales"}]',
	};
	const first = await env.run(params, [{ who: 'a' }, { who: 'b' }]);
	const again = await env.run(params, [{ who: 'a' }]);
	const ids = (run: typeof first) => jsonOf(run).map((o) => o.carrierIds);
	expect(ids(again)[0]).toEqual(ids(first)[0]);
	expect(ids(first)[1]).not.toEqual(ids(first)[0]);
	expect(String((ids(first)[0] as string[])[0])).toMatch(
		/^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
	);
});

const skillParams = (skills: unknown[], extra: INodeParameters = {}): INodeParameters => ({
	resource: 'skill',
	operation: 'sync',
	recipientId: 'p-1',
	issuerId: 'org-1',
	issuerName: 'Org',
	skillsSource: 'json',
	skillsJson: JSON.stringify(skills),
	...extra,
});

test.each([
	[[{ name: 'x'.repeat(41) }], {}, 'skills[0].name: must be at most 40 characters (has 41)'],
	[
		[{ name: 'Sales', level: 'guru' }],
		{},
		'skills[0].level: must be one of beginner, intermediate, advanced, expert (field “Skills › Level”)',
	],
	[
		[{ name: 'Sales', category: 'soft' }],
		{},
		'skills[0].category: must be one of specialized, technical, durable, other (field “Skills › Category”)',
	],
	[
		[{ name: 'Sales', evidenceUrl: 'https://e.example' }],
		{},
		'skills[0].evidenceUrl: is for verified skills only (SmartResume shows it when a viewer checks the verification) (field “Skills › Evidence URL”)',
	],
	[
		[{ name: 'Sales', verified: true }],
		{},
		'proof: is required when a skill is verified (SmartResume treats a carrier with a proof as verified) (field “Proof (JSON)”)',
	],
	[
		[{ name: 'Sales' }],
		{ proof: '{"type": "x"}' },
		'proof: is given but no skill is marked verified (field “Proof (JSON)”)',
	],
	[
		[{ name: 'Sales', verified: 'yes' }],
		{},
		'skills[0].verified: must be true or false (field “Skills › Verified”)',
	],
	[[], {}, 'skills: must hold at least one skill (field “Skills”)'],
	[
		[{ name: 'Sales' }],
		{ recipientId: '', recipientToken: 'tok-1' },
		'carrierOptions.carrierId: is required when no recipient ID is given (it must stay the same for this person) (field “Carrier Options › Carrier ID”)',
	],
])('%j %j is refused: %s', async (skills, extra, problem) => {
	const run = await env.run(skillParams(skills, extra as INodeParameters));
	expect((run.error as Error).message).toBe(`Invalid SmartResume SkillSync in item 0: ${problem}`);
	expect(env.sb.requests({ service: 'smartResume' })).toHaveLength(0);
});

test('a skill name of 40 characters (counted as characters, not bytes) is accepted', async () => {
	const name = `${'é'.repeat(39)}✓`;
	const run = await env.run(skillParams([{ name }]));
	expect(run.error).toBeUndefined();
	expect(
		(env.apiRequests()[0].body as any).credentials[0].credentialSubject.achievement.alignment[0]
			.targetName,
	).toBe(name);
});

// credential:push in n8n's real engine (in-process) against the SmartResume emulator: the
// vendor's three-course and CLR examples built from node fields, JSON-equal to the vendor's
// text and accepted; ready JSON; grouping by recipient; outputs per input item.
import type { IDataObject, INodeParameters } from 'n8n-workflow';
import { fixture, jsonOf, startSmartResumeEnv } from '../env.cjs';
import { useServiceEnv } from '../../service-env.cjs';

const env = useServiceEnv(startSmartResumeEnv, { reset: (e) => e.clear() });

const THREE_COURSES = fixture('three-courses.json');

/** The vendor's three courses as the items an earlier node (a sheet, an SIS export) would give. */
const courseItems: IDataObject[] = THREE_COURSES.credentials.map((c: any) => ({
	assertion: c.id,
	code: c.credentialSubject.achievement.id,
	title: c.name,
	description: c.credentialSubject.achievement.description,
	term: c.awardedDate,
}));

/** Node fields for those items: recipient and issuer typed in, the course mapped per item. */
const courseFields: INodeParameters = {
	resource: 'credential',
	operation: 'push',
	recipientId: '474989023199323',
	recipientDetails: { email: 'jsmith@institutionx.edu' },
	source: 'fields',
	format: 'ob3',
	assertionId: '={{ $json.assertion }}',
	achievementId: '={{ $json.code }}',
	achievementType: 'Course',
	achievementName: '={{ $json.title }}',
	achievementDetails: { description: '={{ $json.description }}' },
	dates: { awardedDate: '={{ $json.term }}' },
	subjectId: '1235143208848',
	issuerId: '123456789',
	issuerName: 'Institution X',
	issuerDetails: {
		email: 'admissions@institutionx.edu',
		url: 'https://institutionx.edu',
		description:
			'Institution X, founded in 1925, is known for its beautiful campus and arts programs.',
	},
	groupByRecipient: true,
};

describe('from node fields', () => {
	test("three items grouped by recipient give the vendor's three-course push, JSON-equal, and one claim link", async () => {
		const run = await env.run(courseFields, courseItems);
		expect(run.error).toBeUndefined();
		expect(env.apiRequests()).toHaveLength(1);
		expect(env.apiRequests()[0].status).toBe(200);
		expect(env.apiRequests()[0].body).toEqual(THREE_COURSES);

		const out = jsonOf(run);
		expect(out).toHaveLength(3);
		expect(run.output[0].map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		const [first] = out;
		expect(
			out.every(
				(o) => o.claimUrl === first.claimUrl && o.identifierToken === first.identifierToken,
			),
		).toBe(true);
		expect(String(first.claimUrl)).toBe(
			`${env.sb.urls.smartResume}/createmyresume/${first.identifierToken}`,
		);
		expect(out.map((o) => o.assertionIds)).toEqual([
			['351843720888468'],
			['369435906932892'],
			['369435906932893'],
		]);
		expect(out.map((o) => o.itemsInRequest)).toEqual([3, 3, 3]);
		expect(out.map((o) => o.answer)).toEqual(out.map(() => ({ redirect_url: first.claimUrl })));
		expect(out.some((o) => 'warning' in o)).toBe(false);

		const upload = await env.upload(String(first.identifierToken));
		expect(upload.recipientId).toBe('474989023199323');
		expect(upload.entries.map((e: any) => e.section)).toEqual([
			'Relevant Coursework',
			'Relevant Coursework',
			'Relevant Coursework',
		]);
	});

	test('without grouping each item is its own push and its own link', async () => {
		const run = await env.run({ ...courseFields, groupByRecipient: false }, courseItems);
		expect(run.error).toBeUndefined();
		expect(env.apiRequests()).toHaveLength(3);
		expect(env.apiRequests().map((r) => (r.body as any).credentials.map((c: any) => c.id))).toEqual(
			[['351843720888468'], ['369435906932892'], ['369435906932893']],
		);
		expect(new Set(jsonOf(run).map((o) => o.identifierToken)).size).toBe(3);
	});

	test('grouping keeps different recipients apart, in order of first appearance', async () => {
		const items = courseItems.map((item, i) => ({ ...item, who: i === 1 ? 'B-2' : 'A-1' }));
		const run = await env.run(
			{ ...courseFields, recipientId: '={{ $json.who }}', recipientDetails: {} },
			items,
		);
		expect(run.error).toBeUndefined();
		expect(env.apiRequests().map((r) => (r.body as any).recipient.id)).toEqual(['A-1', 'B-2']);
		const out = jsonOf(run);
		expect(out[0].claimUrl).toBe(out[2].claimUrl);
		expect(out[1].claimUrl).not.toBe(out[0].claimUrl);
		expect(out.map((o) => o.itemsInRequest)).toEqual([2, 1, 2]);
	});

	test('the CLR with a middle name, JSON-equal to the FAQ example, carries the names to SmartResume', async () => {
		const CLR = fixture('clr-middle-name.json');
		const run = await env.run({
			resource: 'credential',
			operation: 'push',
			recipientId: 'clr-holder-1',
			recipientDetails: { givenName: 'Steve', familyName: 'McSteve', additionalName: 'Stevey' },
			source: 'fields',
			format: 'clr',
			assertionId: 'http://example.edu/credentials/3732',
			credentialName: 'Sample Transcript',
			validFrom: '2010-01-01T00:00:00Z',
			includedCredentials: '[]',
			subjectId: 'did:example:ebfeb1f712ebc6f1c276e12ec21',
			issuerId: 'https://example.edu/issuers/565049',
			issuerName: 'Example University',
		});
		expect(run.error).toBeUndefined();
		const body = env.apiRequests()[0].body as any;
		expect(body.credentials).toEqual([CLR]);
		expect(body.recipient).toMatchObject({ id: 'clr-holder-1', additionalName: 'Stevey' });
		expect(env.apiRequests()[0].status).toBe(200);
		const upload = await env.upload(String(jsonOf(run)[0].identifierToken));
		expect(upload.profile).toEqual({
			givenName: 'Steve',
			familyName: 'McSteve',
			additionalName: 'Stevey',
		});
		expect(upload.entries).toEqual([
			expect.objectContaining({ assertionId: CLR.id, kind: 'ClrCredential' }),
		]);
	});

	test('a custom achievement type is sent as typed (and SmartResume raises its alert)', async () => {
		const run = await env.run(
			{
				...courseFields,
				achievementType: '__custom',
				customAchievementType: 'ceterms:Apprenticeship',
				groupByRecipient: false,
			},
			courseItems.slice(0, 1),
		);
		expect(run.error).toBeUndefined();
		expect(
			(env.apiRequests()[0].body as any).credentials[0].credentialSubject.achievement
				.achievementType,
		).toBe('ceterms:Apprenticeship');
		expect((await env.control('GET', '/alerts')).alerts).toEqual([
			expect.objectContaining({
				kind: 'unknown_achievement_type',
				value: 'ceterms:Apprenticeship',
			}),
		]);
	});
});

describe('from JSON', () => {
	test("the vendor's whole push body as JSON is sent JSON-equal, its recipient filling the empty fields", async () => {
		const run = await env.run(
			{ resource: 'credential', operation: 'push', source: 'json', credentialJson: '={{ $json }}' },
			[THREE_COURSES],
		);
		expect(run.error).toBeUndefined();
		expect(env.apiRequests()[0].body).toEqual(THREE_COURSES);
		expect(jsonOf(run)[0]).toMatchObject({
			recipientId: '474989023199323',
			assertionIds: THREE_COURSES.credentials.map((c: any) => c.id),
		});
	});

	test('a list of credentials with the recipient from the fields', async () => {
		const run = await env.run(
			{
				resource: 'credential',
				operation: 'push',
				source: 'json',
				credentialJson: '={{ $json.list }}',
				recipientId: 'R-9',
			},
			[{ list: THREE_COURSES.credentials.slice(0, 2) }],
		);
		expect(run.error).toBeUndefined();
		const body = env.apiRequests()[0].body as any;
		expect(body.recipient).toEqual({
			id: 'R-9',
			givenName: '',
			familyName: '',
			additionalName: '',
			email: '',
			phone: '',
			studentId: '',
			signupOrganization: '',
		});
		expect(body.credentials).toEqual(THREE_COURSES.credentials.slice(0, 2));
	});

	test('JSON typed into the field (text) is parsed', async () => {
		const run = await env.run({
			resource: 'credential',
			operation: 'push',
			source: 'json',
			recipientId: '17',
			credentialJson: JSON.stringify(THREE_COURSES.credentials[2]),
		});
		expect(run.error).toBeUndefined();
		expect((env.apiRequests()[0].body as any).credentials).toEqual([THREE_COURSES.credentials[2]]);
	});
});

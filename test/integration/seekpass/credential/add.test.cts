// credential:add (node version 1, API v1) in n8n's real execution engine against the SEEK Pass
// sandbox: every credential type from editor fields, the vendor's example byte for byte, the
// three ways to choose a submission id, and input errors that stop the run before anything is sent.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { NodeOperationError, type INodeParameters } from 'n8n-workflow';
import { jsonOf, seekPassEnvPerFile } from '../env.cjs';

/** The sandbox's record of each submission id: how often it created a link and how often it repeated one. */
interface SubmissionHistory {
	history: Record<string, { creations: number; repeats: number }>;
}

const env = seekPassEnvPerFile();

/**
 * These tests run the node at version 1, as saved workflows do: API Version defaults to v1 there,
 * and the requests below are exactly what version 1 sent before v2 existed.
 */
const runV1: typeof env.run = async (parameters, input, options = {}) =>
	await env.run(parameters, input, { typeVersion: 1, ...options });

const vendorExample = JSON.parse(
	fs.readFileSync(
		path.resolve(__dirname, '../../../fixtures/seekpass/education-example.json'),
		'utf8',
	),
);

const add = (parameters: INodeParameters): INodeParameters => ({
	resource: 'credential',
	operation: 'add',
	...parameters,
});

const degree = (extra: INodeParameters = {}): INodeParameters =>
	add({
		credentialType: 'education',
		full_name: 'John Smith',
		education_provider: 'University of Melbourne',
		course_name: 'Bachelor of Commerce',
		conferral_year: '2024',
		...extra,
	});

describe('education', () => {
	test("produces SEEK Pass's own example JSON-equal from editor fields", async () => {
		const run = await runV1(
			degree({
				submissionIdMode: 'given',
				submissionId: 'seek-pass-test-a9a4839f-53d9-4064-8b0b-1348113a33f8',
				educationFields: { has_majors: true, majors: ['Finance'], with_honours: true },
				documentType: 'open_cert',
				openCertDocument: '<OPEN_CERTS>',
			}),
		);

		expect(run.error).toBeUndefined();
		const sent = env.apiRequests({ pathIncludes: '/add/' });
		expect(sent).toHaveLength(1);
		expect(sent[0].path).toBe('/seekpass/api/partner/v1/add/education.json');
		expect(sent[0].body).toEqual(vendorExample);
		expect(JSON.stringify(sent[0].body)).toBe(JSON.stringify(vendorExample));

		const [out] = jsonOf(run);
		expect(out).toEqual({
			submissionId: 'seek-pass-test-a9a4839f-53d9-4064-8b0b-1348113a33f8',
			credentialType: 'education',
			redirectUri: expect.stringMatching(
				/#clientId=sandbox-seekpass-client&documentType=open_cert&content=[0-9a-f-]{36}$/,
			),
			contentId: expect.stringMatching(/^[0-9a-f-]{36}$/),
			documentType: 'open_cert',
			clientId: env.sb.demo.seekPass.clientId,
		});
		expect(out.redirectUri).not.toContain('u0026');
		expect(run.output[0][0].pairedItem).toEqual({ item: 0 });
	});

	test('sends transcript, majors and partner chain given as fields, and the same given as JSON', async () => {
		const subjects = [
			{
				name: 'Accounting',
				code: 'ACCT101',
				grade: 'H1',
				completion_date: '2024-06-30',
				credit: '12.5',
				score: '85',
			},
		];
		const fromFields = await runV1(
			degree({
				submissionIdMode: 'given',
				submissionId: 'fields-1',
				educationFields: {
					majors: ['Finance', 'Marketing'],
					partner_chain: { partners: [{ name: 'Registry A' }, { name: 'Registry B' }] },
					transcript_issuance_date: '2024-12-01',
					transcript_score: '82.5',
					transcript_subjects: { subjects },
				},
				documentType: 'pdf',
				documentUrl: 'https://files.example.edu/degree.pdf',
			}),
		);
		const fromJson = await runV1(
			degree({
				submissionIdMode: 'given',
				submissionId: 'json-1',
				educationFields: {
					majors_json: '={{ ["Finance", "Marketing"] }}',
					partner_chain_json: '[{"name": "Registry A"}, {"name": "Registry B"}]',
					transcript_json: '={{ $json.transcript }}',
				},
				documentType: 'pdf',
				documentUrl: 'https://files.example.edu/degree.pdf',
			}),
			[{ transcript: { overall: { issuance_date: '2024-12-01', score: '82.5' }, subjects } }],
		);

		expect(fromFields.error).toBeUndefined();
		expect(fromJson.error).toBeUndefined();
		const [a, b] = env
			.apiRequests({ pathIncludes: '/add/' })
			.map((r) => r.body as { id: string; data: unknown });
		expect(a.data).toEqual({
			credential: {
				full_name: 'John Smith',
				education_provider: 'University of Melbourne',
				course_name: 'Bachelor of Commerce',
				conferral_year: '2024',
				majors: ['Finance', 'Marketing'],
				partner_chain: [{ name: 'Registry A' }, { name: 'Registry B' }],
				transcript: { overall: { issuance_date: '2024-12-01', score: '82.5' }, subjects },
			},
			document: 'https://files.example.edu/degree.pdf',
		});
		expect(b.data).toEqual(a.data);
	});

	test('may leave the conferral year out while awaiting graduation', async () => {
		const run = await runV1(
			degree({ conferral_year: '', educationFields: { awaiting_graduation: true } }),
		);
		expect(run.error).toBeUndefined();
		const credential = (
			env.apiRequests({ pathIncludes: '/add/' })[0].body as {
				data: { credential: Record<string, unknown> };
			}
		).data.credential;
		expect(credential.awaiting_graduation).toBe(true);
		expect(credential).not.toHaveProperty('conferral_year');
	});

	test('sends OpenCert JSON as an object', async () => {
		const openCert = {
			version: 'https://schema.openattestation.com/2.0/schema.json',
			data: { name: 'x' },
		};
		const run = await runV1(
			degree({ documentType: 'open_cert', openCertDocument: JSON.stringify(openCert) }),
		);
		expect(run.error).toBeUndefined();
		expect(
			(env.apiRequests({ pathIncludes: '/add/' })[0].body as { data: { document: unknown } }).data
				.document,
		).toEqual(openCert);
	});
});

describe('other credential types', () => {
	test('english proficiency from fields and from JSON test scores', async () => {
		const common = {
			credentialType: 'english_proficiency',
			full_name: 'Jane Doe',
			test_provider: 'IDP',
			test_name: 'IELTS Academic',
			completion_date: '2024-05-20',
			documentUrl: 'https://files.example.org/ielts.pdf',
			englishProficiencyFields: { expiry_date: '2026-05-20' },
		};
		const scores = {
			cefr_scores: { combined: 'C1', reading: 'C1' },
			overall: { score: '7.5', scale: '0-9' },
			subskills: [{ skill: 'reading', score: '8' }],
		};
		const fields = await runV1(
			add({
				...common,
				overall_score: '7.5',
				overall_scale: '0-9',
				cefr_scores: { combined: 'C1', reading: 'C1' },
				subskills: { subskills: [{ skill: 'reading', score: '8' }] },
			}),
		);
		const json = await runV1(
			add({ ...common, test_scores_input: 'json', test_scores_json: JSON.stringify(scores) }),
		);

		expect(fields.error).toBeUndefined();
		expect(json.error).toBeUndefined();
		const [a, b] = env
			.apiRequests({ pathIncludes: '/add/' })
			.map((r) => r.body as Record<string, any>); // eslint-disable-line @typescript-eslint/no-explicit-any
		expect(a.document_type).toBe('english_assessment');
		expect(a.data).toEqual({
			credential: {
				full_name: 'Jane Doe',
				test_provider: 'IDP',
				test_name: 'IELTS Academic',
				completion_date: '2024-05-20',
				expiry_date: '2026-05-20',
				test_scores: scores,
			},
			document: 'https://files.example.org/ielts.pdf',
		});
		expect(b.data).toEqual(a.data);
		expect(jsonOf(fields)[0].documentType).toBe('english_assessment');
	});

	test('english proficiency: partner chain goes inside test_scores, as the schema prints it; the PDF may be left out', async () => {
		const run = await runV1(
			add({
				credentialType: 'english_proficiency',
				full_name: 'Jane Doe',
				test_provider: 'IDP',
				test_name: 'IELTS Academic',
				completion_date: '2024-05-20',
				overall_score: '7.5',
				overall_scale: '0-9',
				englishProficiencyFields: {
					partner_chain: { partners: [{ name: 'Test Centre Sydney' }] },
				},
			}),
		);
		expect(run.error).toBeUndefined();
		expect(env.apiRequests({ pathIncludes: '/add/' })[0].body).toEqual({
			id: expect.any(String),
			document_type: 'english_assessment',
			credential_type: 'english_proficiency',
			data: {
				credential: {
					full_name: 'Jane Doe',
					test_provider: 'IDP',
					test_name: 'IELTS Academic',
					completion_date: '2024-05-20',
					test_scores: {
						cefr_scores: {},
						overall: { score: '7.5', scale: '0-9' },
						partner_chain: [{ name: 'Test Centre Sydney' }],
					},
				},
			},
		});
	});

	test('microcredential with an image and digital identity without a document', async () => {
		const badge = await runV1(
			add({
				credentialType: 'microcredential',
				full_name: 'Jane Doe',
				issuer_name: 'Acme Training',
				microcredential_name: 'Advanced Excel',
				issue_date: '2024-03-01',
				microcredentialFields: { assessment_result: 'Pass', expiry_date: '2027-03-01' },
				documentType: 'png',
				documentUrl: 'https://files.example.org/badge.png',
			}),
		);
		const identity = await runV1(
			add({
				credentialType: 'digital_identity',
				full_name: 'Jane Doe',
				identity_document_validity: 'government_database',
				identity_document_liveness: 'in_person',
				identity_document_person_match: 'manual',
				digitalIdentityFields: { date_of_birth: '1990-01-31' },
			}),
		);

		expect(badge.error).toBeUndefined();
		expect(identity.error).toBeUndefined();
		const [a, b] = env
			.apiRequests({ pathIncludes: '/add/' })
			.map((r) => r.body as Record<string, unknown>);
		expect(a).toMatchObject({
			credential_type: 'microcredential',
			document_type: 'png',
			data: {
				credential: {
					full_name: 'Jane Doe',
					issuer_name: 'Acme Training',
					microcredential_name: 'Advanced Excel',
					issue_date: '2024-03-01',
					expiry_date: '2027-03-01',
					assessment_result: 'Pass',
				},
				document: 'https://files.example.org/badge.png',
			},
		});
		expect(b).toEqual({
			id: expect.any(String),
			credential_type: 'digital_identity',
			document_type: 'none',
			data: {
				credential: {
					full_name: 'Jane Doe',
					identity_document_validity: 'government_database',
					identity_document_liveness: 'in_person',
					identity_document_person_match: 'manual',
					date_of_birth: '1990-01-31',
				},
			},
		});
	});
});

describe('submission id', () => {
	test('derived: a re-run returns the same link and SEEK Pass creates one submission', async () => {
		const parameters = degree({
			submissionIdMode: 'derive',
			submissionIdPrefix: 'acme-uni',
			personKey: '={{ $json.email }}',
		});
		const input = [{ email: 'john@example.com' }];
		const first = await runV1(parameters, input);
		const second = await runV1(parameters, input);

		expect(first.error).toBeUndefined();
		const [a] = jsonOf(first);
		const [b] = jsonOf(second);
		expect(a.submissionId).toMatch(/^acme-uni-[0-9a-f-]{36}$/);
		expect(b.submissionId).toBe(a.submissionId);
		expect(b.redirectUri).toBe(a.redirectUri);
		const body = await env.control<SubmissionHistory>('GET', '/submissions');
		expect(body.history[a.submissionId as string]).toEqual({ creations: 1, repeats: 1 });
	});

	test('generated: each run is a new submission', async () => {
		const parameters = degree({ submissionIdMode: 'generate', submissionIdPrefix: 'acme' });
		const [a] = jsonOf(await runV1(parameters));
		const [b] = jsonOf(await runV1(parameters));
		expect(a.submissionId).toMatch(/^acme-[0-9a-f-]{36}$/);
		expect(b.submissionId).not.toBe(a.submissionId);
		expect(b.redirectUri).not.toBe(a.redirectUri);
	});
});

describe('bad input fails naming item and field, before any request', () => {
	const badge = add({
		credentialType: 'microcredential',
		full_name: 'A',
		issuer_name: 'B',
		microcredential_name: 'C',
		issue_date: '2024-03-01',
	});
	const identity = add({
		credentialType: 'digital_identity',
		full_name: 'A',
		identity_document_validity: 'manual',
		identity_document_liveness: 'automated',
		identity_document_person_match: 'automated',
	});
	// [case, parameters, field set from each item's `value`, item 0's (valid) value, item 1's value, error]
	const cases: Array<[string, INodeParameters, string, string, string, RegExp]> = [
		[
			'a missing required field',
			degree(),
			'course_name',
			'BCom',
			'',
			/in item 1: course_name: is required/,
		],
		[
			'a wrong date format',
			badge,
			'issue_date',
			'2024-03-01',
			'01/03/2024',
			/in item 1: issue_date: must be a date in YYYY-MM-DD format/,
		],
		[
			'conferral year absent without awaiting graduation',
			degree(),
			'conferral_year',
			'2024',
			'',
			/in item 1: conferral_year: is required unless awaiting_graduation is true/,
		],
		[
			'an unknown enum value',
			identity,
			'identity_document_validity',
			'manual',
			'passport_scan',
			/in item 1: identity_document_validity: must be one of manual, government_database, verifiable_credential/,
		],
		[
			'a submission id with spaces',
			degree({ submissionIdMode: 'given' }),
			'submissionId',
			'id-1',
			'id 2',
			/in item 1: id: must not contain spaces/,
		],
	];

	test.each(cases)('%s', async (_, parameters, field, good, bad, message) => {
		const run = await runV1({ ...parameters, [field]: '={{ $json.value }}' }, [
			{ value: good },
			{ value: bad },
		]);

		expect(run.error).toBeInstanceOf(NodeOperationError);
		expect((run.error as NodeOperationError).message).toMatch(message);
		expect((run.error as NodeOperationError).context.itemIndex).toBe(1);
		// Item 0 is valid, yet nothing at all was sent, not even a token request.
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});

	test('JSON parts: invalid JSON, or a part given both ways, name the field', async () => {
		const invalid = await runV1(degree({ educationFields: { transcript_json: '{"overall": ' } }));
		expect((invalid.error as Error).message).toMatch(
			/in item 0: transcript_json: is not valid JSON/,
		);
		const twice = await runV1(degree({ educationFields: { majors: ['A'], majors_json: '["B"]' } }));
		expect((twice.error as Error).message).toMatch(
			/in item 0: majors: give it either as fields or as JSON/,
		);
		const misspelt = await runV1(
			degree({ educationFields: { transcript_json: '{"overall": {"issue_date": "2024-01-01"}}' } }),
		);
		expect((misspelt.error as Error).message).toMatch(/in item 0: transcript.overall/);
		expect(env.sb.requests({ service: 'seekPass' })).toEqual([]);
	});

	test('with Continue on Fail, a bad item becomes its error item and the good ones are sent', async () => {
		const run = await runV1(
			degree({ conferral_year: '={{ $json.year }}' }),
			[{ year: '2024' }, { year: '24' }, { year: '2023' }],
			{ continueOnFail: true },
		);

		expect(run.error).toBeUndefined();
		const items = run.output[0];
		expect(items.map((i) => i.pairedItem)).toEqual([{ item: 0 }, { item: 1 }, { item: 2 }]);
		expect(items[1].json.error).toMatch(/item 1: conferral_year: must be a year in YYYY format/);
		expect(items[0].json.redirectUri).toEqual(expect.any(String));
		expect(items[2].json.redirectUri).toEqual(expect.any(String));
		expect(env.apiRequests({ pathIncludes: '/add/' })).toHaveLength(2);
	});
});

// Issue 8, fuzz: every SEEK Pass body schema and the submission-id and redirect-URI helpers
// under random and boundary values for every field. Only a NodeOperationError naming item and
// field may come out; what passes is well-formed JSON the schema accepts again.
import fc from 'fast-check';
import {
	SEEK_PASS_CREDENTIAL_TYPES,
	SEEK_PASS_DOCUMENT_TYPES,
	SEEK_PASS_OPTIONAL_DOCUMENT_TYPES,
	SEEK_PASS_V1_TYPES,
} from '../../../nodes/SeekPass/constants';
import { parseRedirectUri } from '../../../nodes/SeekPass/helpers/redirect-uri';
import { batchV2JsonSchema } from '../../../nodes/SeekPass/helpers/batch/schema';
import {
	CREDENTIAL_SCHEMAS,
	documentSchema,
	submissionIdFieldSchema,
	submissionIdSchema,
	verificationCreateSchema,
	webhookCreateSchema,
	webhookUpdateSchema,
} from '../../../nodes/SeekPass/schemas';
import { submissionIdFor } from '../../../nodes/SeekPass/helpers/submission-id';
import {
	fieldValue,
	itemIndex,
	mutated,
	NUM_RUNS,
	Outcomes,
	recordOf,
	validateOrNamedError,
} from './fuzz-kit.cjs';

/** One valid credential per type, from the guide's examples, for mutation. */
const VALID = {
	education: {
		full_name: 'John Smith',
		education_provider: 'Uni',
		course_name: 'BCom',
		conferral_year: '2024',
		majors: ['Finance'],
		partner_chain: [{ name: 'Reg' }],
	},
	english_proficiency: {
		full_name: 'Jane Doe',
		test_provider: 'IELTS',
		test_name: 'Academic',
		completion_date: '2024-03-01',
		test_scores: { cefr_scores: { combined: 'C1' }, overall: { score: '7.5', scale: '0-9' } },
	},
	microcredential: {
		full_name: 'Jane Doe',
		issuer_name: 'Acme',
		microcredential_name: 'Excel',
		issue_date: '2024-03-01',
		expiry_date: '2027-03-01',
	},
	digital_identity: {
		full_name: 'Jane Doe',
		identity_document_validity: 'government_database',
		identity_document_liveness: 'in_person',
		identity_document_person_match: 'manual',
	},
	right_to_work: { full_name: 'Tan Mei Ling', country: 'SG', singapore_work_rights: 'resident' },
	career_history: {
		full_name: 'John Doe',
		employment: [
			{
				organisation: 'Acme',
				role_title: 'Engineer',
				start_date: '2020-02',
				last_processed_month: '2023-06',
			},
		],
	},
	universal_credential: {
		full_name: 'Jane Doe',
		credential_name: 'Registered Nurse',
		credential_category: 'licence',
		issuer_name: 'NMBA',
		credential_details: { speciality: ['Paediatrics'], date_completed: '2024-11-30' },
	},
};

const FIELDS = {
	education: [
		'full_name',
		'education_provider',
		'course_name',
		'conferral_year',
		'awaiting_graduation',
		'has_majors',
		'majors',
		'with_honours',
		'partner_chain',
		'transcript',
	],
	english_proficiency: [
		'full_name',
		'test_provider',
		'test_name',
		'completion_date',
		'expiry_date',
		'test_scores',
		'partner_chain',
	],
	microcredential: [
		'full_name',
		'issuer_name',
		'microcredential_name',
		'issue_date',
		'expiry_date',
		'assessment_result',
		'partner_chain',
	],
	digital_identity: [
		'full_name',
		'identity_document_validity',
		'identity_document_liveness',
		'identity_document_person_match',
		'date_of_birth',
	],
	right_to_work: ['full_name', 'country', 'singapore_work_rights', 'partner_chain'],
	career_history: ['full_name', 'employment'],
	universal_credential: [
		'full_name',
		'credential_name',
		'credential_category',
		'issuer_name',
		'expiry_date',
		'credential_details',
		'partner_chain',
	],
} as const;

/** Nested values too: partner chains, transcripts and scores with hostile leaves. */
const nested = fc.oneof(
	fieldValue,
	fc.array(recordOf(['name']), { maxLength: 3 }),
	recordOf(['overall', 'subjects']).map((t) => ({
		...t,
		overall: { issuance_date: t.overall, score: t.subjects },
	})),
	recordOf(['cefr_scores', 'overall', 'subskills']),
);

describe.each(SEEK_PASS_CREDENTIAL_TYPES)('%s', (type) => {
	test('credential fields: accepted and re-valid, or a named NodeOperationError', () => {
		const seen = new Outcomes();
		const credential = fc.oneof(recordOf(FIELDS[type], nested), mutated(VALID[type], nested));
		fc.assert(
			fc.property(credential, itemIndex, (value, index) => {
				seen.note(validateOrNamedError(CREDENTIAL_SCHEMAS[type], value, index));
			}),
			{ numRuns: NUM_RUNS },
		);
		seen.expectBoth();
	});
});

describe.each(SEEK_PASS_V1_TYPES)('%s (v1)', (type) => {
	test('document type and document', () => {
		const docType = fc.oneof(
			fc.constantFrom(...SEEK_PASS_DOCUMENT_TYPES[type], 'PDF', 'exe', ''),
			fieldValue,
		);
		fc.assert(
			fc.property(docType, fieldValue, itemIndex, (document_type, document, index) => {
				// documentSchema ignores the document when document_type is none (it is then not
				// sent); otherwise the document is a URL text or OpenCert JSON (text or an object).
				const ok = validateOrNamedError(documentSchema(type), { document_type, document }, index, {
					sent: false,
				});
				if (!ok) return;
				expect(SEEK_PASS_DOCUMENT_TYPES[type]).toContain(ok.document_type);
				// English may leave its PDF out (reference §5.2): then nothing is sent for it.
				const absent = ok.document === undefined || ok.document === null || ok.document === '';
				if (SEEK_PASS_OPTIONAL_DOCUMENT_TYPES.includes(ok.document_type) && absent) return;
				if (ok.document_type !== 'none')
					expect(
						typeof ok.document === 'string' ||
							(typeof ok.document === 'object' && ok.document !== null),
					).toBe(true);
			}),
			{ numRuns: NUM_RUNS },
		);
	});
});

test('submission ids from every mode are valid ids, or a named error for a given one', () => {
	const mode = fc.constantFrom('given', 'generate', 'derive') as fc.Arbitrary<
		'given' | 'generate' | 'derive'
	>;
	fc.assert(
		fc.property(
			mode,
			fieldValue,
			fieldValue,
			fieldValue,
			recordOf(FIELDS.microcredential),
			itemIndex,
			(m, given, prefix, person, credential, index) => {
				const id = submissionIdFor(
					{
						mode: m,
						given: typeof given === 'string' ? given : undefined,
						prefix: typeof prefix === 'string' ? prefix : undefined,
						person: typeof person === 'string' ? person : undefined,
					},
					'microcredential',
					credential,
				);
				const ok = validateOrNamedError(submissionIdFieldSchema, { id }, index);
				if (ok) expect(submissionIdSchema.parse(ok.id)).toMatch(/^\S+$/);
			},
		),
		{ numRuns: NUM_RUNS },
	);
});

test('batch JSON, verification requests and webhooks', () => {
	const batchKeys = [
		'education_items',
		'english_proficiency_items',
		'microcredential_items',
		'digital_identity',
		'right_to_work_items',
		'career_history',
		'universal_credential_items',
		'credential_id',
	];
	const batchItem = recordOf(['credential_id', 'fields', 'assets', 'partner_chain']);
	fc.assert(
		fc.property(
			recordOf(batchKeys, fc.oneof(fieldValue, batchItem, fc.array(batchItem, { maxLength: 2 }))),
			recordOf(
				['request_id', 'callback_url', 'display_options', 'request_source', 'metadata'],
				fc.oneof(
					fieldValue,
					recordOf(['partner_name', 'partner_logo_url', 'position_title', 'applied_on_seek']),
				),
			),
			recordOf(['url', 'name', 'description']),
			recordOf(['id', 'url', 'name', 'description']),
			itemIndex,
			(batch, verification, create, update, index) => {
				validateOrNamedError(batchV2JsonSchema, batch, index, { reparse: false });
				validateOrNamedError(verificationCreateSchema, verification, index);
				validateOrNamedError(webhookCreateSchema, create, index);
				validateOrNamedError(webhookUpdateSchema, update, index);
			},
		),
		{ numRuns: NUM_RUNS },
	);
});

test('redirect URIs: any answer is read without throwing; & is never left escaped', () => {
	const uri = fc.oneof(
		fc.string({ unit: 'binary' }),
		fc
			.webUrl({ withFragments: true, withQueryParameters: true })
			.map((u) => u.replace(/&/g, '\\u0026')),
	);
	fc.assert(
		fc.property(uri, (text) => {
			const parts = parseRedirectUri(text);
			expect(parts.redirectUri).not.toMatch(/\\+u0026/i);
			expect(typeof parts.redirectUri).toBe('string');
		}),
		{ numRuns: NUM_RUNS },
	);
});

// SEEK Pass's published examples (shared/api/seek-pass-reference.md §5), one per credential type:
// the body each API version expects, and the editor fields that produce it. Where the reference
// prints no sample, the example is built from the type's field table, every field it lists.
import type { IDataObject, INodeParameters } from 'n8n-workflow';

const GUIDE = 'https://developer.seekpass.co/docs/guide';
const EN_AU = 'https://developer.seekpass.co/en-au/docs/guide';
const ID = 'https://developer.seekpass.co/id/docs/guide';

/** An editor field left empty: an expression, so that n8n's own required-field check lets it through. */
export const EMPTY = '={{ $json.blank }}';

export interface Removal {
	/** The field as the node's error names it. */
	field: string;
	/** Editor fields that leave it out. */
	over: INodeParameters;
}

export interface SeekPassExample {
	name: string;
	source: string;
	type: string;
	/** The credential's fields (v1 `data.credential`, v2 `fields`) as both versions share them. */
	fields: IDataObject;
	/** v1 envelope; absent for a v2-only type. */
	v1?: (id: string) => IDataObject;
	v2: (id: string) => IDataObject;
	/** Editor fields shared by both versions. */
	parameters: INodeParameters;
	/** Editor fields only v1 shows (its document). */
	v1Parameters?: INodeParameters;
	removals: Removal[];
}

const chain = [{ name: 'Partner Organization' }];
const chainRows = { partners: [{ name: 'Partner Organization' }] };

/** v2 `{credential_id, fields}` with nothing beside it. */
const plainV2 = (fields: IDataObject) => (id: string) => ({ credential_id: id, fields });

const educationFields = {
	full_name: 'John Smith',
	education_provider: 'University of Melbourne',
	course_name: 'Bachelor of Commerce',
	conferral_year: '2024',
	has_majors: true,
	majors: ['Finance'],
	with_honours: true,
};
const educationParameters: INodeParameters = {
	credentialType: 'education',
	full_name: 'John Smith',
	education_provider: 'University of Melbourne',
	course_name: 'Bachelor of Commerce',
	conferral_year: '2024',
	educationFields: { has_majors: true, majors: ['Finance'], with_honours: true },
};

const subject = {
	name: 'Accounting 1',
	code: 'ACCT101',
	credit: '12.5',
	score: '85',
	grade: 'High Distinction',
	completion_date: '2024',
};
const transcriptFields = {
	full_name: 'John Smith',
	education_provider: 'University of Melbourne',
	course_name: 'Bachelor of Commerce',
	conferral_year: '2024',
	transcript: { overall: { issuance_date: '2024-12-01', score: '82.5' }, subjects: [subject] },
};
const transcriptParameters = (subjects: INodeParameters[] = [subject]): INodeParameters => ({
	credentialType: 'education',
	full_name: 'John Smith',
	education_provider: 'University of Melbourne',
	course_name: 'Bachelor of Commerce',
	conferral_year: '2024',
	educationFields: {
		transcript_issuance_date: '2024-12-01',
		transcript_score: '82.5',
		transcript_subjects: { subjects },
	},
});

const englishScores = {
	cefr_scores: { combined: 'C1', reading: 'C1', listening: 'B2', speaking: 'C1', writing: 'B2' },
	overall: { score: '7.5', scale: '0-9' },
	subskills: [{ skill: 'reading', score: '8' }],
	partner_chain: chain,
};
const englishFields = {
	full_name: 'Jane Doe',
	test_provider: 'IDP',
	test_name: 'IELTS Academic',
	completion_date: '2024-05-20',
	expiry_date: '2026-05-20',
	test_scores: englishScores,
};
const englishParameters: INodeParameters = {
	credentialType: 'english_proficiency',
	full_name: 'Jane Doe',
	test_provider: 'IDP',
	test_name: 'IELTS Academic',
	completion_date: '2024-05-20',
	overall_score: '7.5',
	overall_scale: '0-9',
	cefr_scores: { combined: 'C1', reading: 'C1', listening: 'B2', speaking: 'C1', writing: 'B2' },
	subskills: { subskills: [{ skill: 'reading', score: '8' }] },
	englishProficiencyFields: { expiry_date: '2026-05-20', partner_chain: chainRows },
};

const microFields = {
	full_name: 'Jane Doe',
	issuer_name: 'ABC Management Academy',
	microcredential_name: 'Leading High-Performance Teams',
	issue_date: '2024-03-01',
	expiry_date: '2027-03-01',
	assessment_result: '85%',
	partner_chain: chain,
};
const microParameters: INodeParameters = {
	credentialType: 'microcredential',
	full_name: 'Jane Doe',
	issuer_name: 'ABC Management Academy',
	microcredential_name: 'Leading High-Performance Teams',
	issue_date: '2024-03-01',
	microcredentialFields: {
		expiry_date: '2027-03-01',
		assessment_result: '85%',
		partner_chain: chainRows,
	},
};

const identityFields = {
	full_name: 'Jane Citizen',
	date_of_birth: '1990-01-31',
	identity_document_validity: 'government_database',
	identity_document_liveness: 'automated',
	identity_document_person_match: 'automated',
};
const identityParameters: INodeParameters = {
	credentialType: 'digital_identity',
	full_name: 'Jane Citizen',
	identity_document_validity: 'government_database',
	identity_document_liveness: 'automated',
	identity_document_person_match: 'automated',
	digitalIdentityFields: { date_of_birth: '1990-01-31', partner_chain: chainRows },
};

const rightToWorkFields = {
	full_name: 'Tan Mei Ling',
	country: 'SG',
	singapore_work_rights: 'resident',
	partner_chain: chain,
};
const rightToWorkParameters: INodeParameters = {
	credentialType: 'right_to_work',
	full_name: 'Tan Mei Ling',
	country: 'SG',
	singapore_work_rights: 'resident',
	rightToWorkFields: { partner_chain: chainRows },
};

const job = {
	organisation: 'Acme Pty Ltd',
	role_classification: 'Software Engineer',
	role_title: 'Senior Software Engineer',
	start_date: '2020-02',
	end_date: '2023-06',
	last_processed_month: '2023-06',
};
const careerFields = { full_name: 'John Doe', employment: [job] };
const careerParameters = (jobs: INodeParameters[] = [job]): INodeParameters => ({
	credentialType: 'career_history',
	full_name: 'John Doe',
	employment: { jobs },
	careerHistoryFields: { partner_chain: chainRows },
});

const universalFields = {
	full_name: 'Jane Doe',
	credential_name: 'Registered Nurse',
	credential_category: 'licence',
	issuer_name: 'Nursing and Midwifery Board of Australia',
	expiry_date: '2027-05-31',
	credential_details: {
		scope_of_practice: 'General practice',
		speciality: ['Paediatrics'],
		version: '2',
		date_completed: '2024-11-30',
		country: 'Australia',
		state: 'Victoria',
		province: 'Victoria',
		city: 'Melbourne',
		region: 'Oceania',
		place: 'Royal Melbourne Hospital',
	},
	partner_chain: chain,
};
const universalParameters: INodeParameters = {
	credentialType: 'universal_credential',
	full_name: 'Jane Doe',
	credential_name: 'Registered Nurse',
	credential_category: 'licence',
	issuer_name: 'Nursing and Midwifery Board of Australia',
	universalCredentialFields: { expiry_date: '2027-05-31', partner_chain: chainRows },
	credential_details: universalFields.credential_details,
};

export const SEEK_PASS_EXAMPLES: SeekPassExample[] = [
	{
		name: 'education: the page sample (OpenCert, majors, honours)',
		source: `${GUIDE}/education-field-descriptions`,
		type: 'education',
		fields: educationFields,
		v1: (id) => ({
			id,
			document_type: 'open_cert',
			credential_type: 'education',
			data: { credential: educationFields, document: '<OPEN_CERTS>' },
		}),
		v2: plainV2(educationFields),
		parameters: educationParameters,
		v1Parameters: { documentType: 'open_cert', openCertDocument: '<OPEN_CERTS>' },
		removals: [
			{ field: 'full_name', over: { full_name: EMPTY } },
			{ field: 'education_provider', over: { education_provider: EMPTY } },
			{ field: 'course_name', over: { course_name: EMPTY } },
			{ field: 'conferral_year', over: { conferral_year: EMPTY } },
		],
	},
	{
		name: 'education with a transcript (field table: overall and subjects)',
		source: `${ID}/education-field-descriptions/`,
		type: 'education',
		fields: transcriptFields,
		v1: (id) => ({
			id,
			document_type: 'none',
			credential_type: 'education',
			data: { credential: transcriptFields },
		}),
		v2: plainV2(transcriptFields),
		parameters: transcriptParameters(),
		removals: [
			{
				field: 'transcript.subjects',
				over: {
					educationFields: { transcript_issuance_date: '2024-12-01', transcript_score: '82.5' },
				},
			},
			{
				field: 'transcript.overall.issuance_date',
				over: {
					educationFields: {
						transcript_issuance_date: EMPTY,
						transcript_subjects: { subjects: [subject] },
					},
				},
			},
			...(['name', 'code', 'grade', 'completion_date'] as const).map((key) => ({
				field: `transcript.subjects[0].${key}`,
				over: transcriptParameters([{ ...subject, [key]: EMPTY }]),
			})),
		],
	},
	{
		name: 'english proficiency (field table; partner_chain inside test_scores as printed)',
		source: `${ID}/english-proficiency-field-descriptions/`,
		type: 'english_proficiency',
		fields: englishFields,
		v1: (id) => ({
			id,
			document_type: 'english_assessment',
			credential_type: 'english_proficiency',
			data: { credential: englishFields, document: 'https://files.example.org/ielts.pdf' },
		}),
		v2: plainV2(englishFields),
		parameters: englishParameters,
		v1Parameters: { documentUrl: 'https://files.example.org/ielts.pdf' },
		removals: [
			{ field: 'full_name', over: { full_name: EMPTY } },
			{ field: 'test_provider', over: { test_provider: EMPTY } },
			{ field: 'test_name', over: { test_name: EMPTY } },
			{ field: 'completion_date', over: { completion_date: EMPTY } },
			{ field: 'test_scores.overall.score', over: { overall_score: EMPTY } },
			{ field: 'test_scores.overall.scale', over: { overall_scale: EMPTY } },
		],
	},
	{
		name: 'learning and development (microcredential, field table)',
		source: `${ID}/microcredential-field-descriptions/`,
		type: 'microcredential',
		fields: microFields,
		v1: (id) => ({
			id,
			document_type: 'pdf',
			credential_type: 'microcredential',
			data: { credential: microFields, document: 'https://files.example.org/certificate.pdf' },
		}),
		v2: plainV2(microFields),
		parameters: microParameters,
		v1Parameters: { documentType: 'pdf', documentUrl: 'https://files.example.org/certificate.pdf' },
		removals: [
			{ field: 'full_name', over: { full_name: EMPTY } },
			{ field: 'issuer_name', over: { issuer_name: EMPTY } },
			{ field: 'microcredential_name', over: { microcredential_name: EMPTY } },
			{ field: 'issue_date', over: { issue_date: EMPTY } },
		],
	},
	{
		name: 'digital identity (current field table; partner_chain beside the credential)',
		source: `${EN_AU}/digital-identity-field-descriptions/`,
		type: 'digital_identity',
		fields: identityFields,
		v1: (id) => ({
			id,
			document_type: 'none',
			credential_type: 'digital_identity',
			data: { credential: identityFields, partner_chain: chain },
		}),
		v2: (id) => ({ credential_id: id, fields: identityFields, partner_chain: chain }),
		parameters: identityParameters,
		removals: [
			{ field: 'full_name', over: { full_name: EMPTY } },
			{ field: 'identity_document_validity', over: { identity_document_validity: EMPTY } },
			{ field: 'identity_document_liveness', over: { identity_document_liveness: EMPTY } },
			{
				field: 'identity_document_person_match',
				over: { identity_document_person_match: EMPTY },
			},
		],
	},
	{
		name: 'right to work in Singapore (field table; singapore_work_rights required for SG)',
		source: `${EN_AU}/right-to-work-field-descriptions/`,
		type: 'right_to_work',
		fields: rightToWorkFields,
		v1: (id) => ({
			id,
			document_type: 'none',
			credential_type: 'right_to_work',
			data: { credential: rightToWorkFields },
		}),
		v2: plainV2(rightToWorkFields),
		parameters: rightToWorkParameters,
		removals: [
			{ field: 'full_name', over: { full_name: EMPTY } },
			{ field: 'country', over: { country: EMPTY } },
			{ field: 'singapore_work_rights', over: { singapore_work_rights: EMPTY } },
		],
	},
	{
		name: 'career history (the page body; partner_chain beside fields in v2, inside in the older v1 copy)',
		source: `${EN_AU}/career-history-field-descriptions/`,
		type: 'career_history',
		fields: careerFields,
		v1: (id) => ({
			id,
			document_type: 'none',
			credential_type: 'career_history',
			data: { credential: { ...careerFields, partner_chain: chain } },
		}),
		v2: (id) => ({ credential_id: id, fields: careerFields, partner_chain: chain }),
		parameters: careerParameters(),
		removals: [
			{ field: 'full_name', over: { full_name: EMPTY } },
			{ field: 'employment', over: { employment: {} } },
			...(['organisation', 'start_date', 'last_processed_month'] as const).map((key) => ({
				field: `employment[0].${key}`,
				over: careerParameters([{ ...job, [key]: EMPTY }]),
			})),
			{
				field: 'employment[0].role_title',
				over: careerParameters([{ ...job, role_classification: EMPTY, role_title: EMPTY }]),
			},
		],
	},
	{
		name: 'universal credential (field table, every credential_details member)',
		source: `${EN_AU}/universal-credential-field-descriptions/`,
		type: 'universal_credential',
		fields: universalFields,
		v2: plainV2(universalFields),
		parameters: universalParameters,
		removals: [
			{ field: 'full_name', over: { full_name: EMPTY } },
			{ field: 'credential_name', over: { credential_name: EMPTY } },
			{
				field: 'credential_category',
				over: { credential_category: '__other', credential_category_other: EMPTY },
			},
			{ field: 'issuer_name', over: { issuer_name: EMPTY } },
		],
	},
];

import {
	digitalIdentitySchema,
	documentSchema,
	educationSchema,
	englishProficiencySchema,
	microcredentialSchema,
} from '../../../nodes/SeekPass/schemas';

const problems = (result: {
	success: boolean;
	error?: { issues: Array<{ path: Array<string | number>; message: string }> };
}) =>
	result.success
		? []
		: (result.error?.issues ?? []).map((i) => `${i.path.join('.')}: ${i.message}`);

const education = {
	full_name: 'John Smith',
	education_provider: 'University of Melbourne',
	course_name: 'Bachelor of Commerce',
	conferral_year: '2024',
};

describe('education', () => {
	it('accepts the guide example and a full transcript', () => {
		expect(
			problems(
				educationSchema.safeParse({
					...education,
					has_majors: true,
					majors: ['Finance'],
					with_honours: true,
				}),
			),
		).toEqual([]);
		const transcript = {
			overall: { issuance_date: '2024-12-01', score: 82.5 },
			subjects: [
				{
					name: 'Accounting',
					code: 'ACCT101',
					grade: 'H1',
					completion_date: '2024-06-30',
					credit: 12.5,
					score: '85',
				},
			],
		};
		expect(
			problems(
				educationSchema.safeParse({
					...education,
					transcript,
					partner_chain: [{ name: 'Registry' }],
				}),
			),
		).toEqual([]);
	});

	it('needs a conferral year unless awaiting graduation', () => {
		const { conferral_year: _year, ...withoutYear } = education;
		expect(problems(educationSchema.safeParse(withoutYear))).toEqual([
			'conferral_year: is required unless awaiting_graduation is true',
		]);
		expect(
			problems(educationSchema.safeParse({ ...withoutYear, awaiting_graduation: true })),
		).toEqual([]);
		expect(
			problems(educationSchema.safeParse({ ...withoutYear, awaiting_graduation: false })),
		).toHaveLength(1);
	});

	it('checks formats and names the field', () => {
		expect(problems(educationSchema.safeParse({ ...education, conferral_year: '24' }))).toEqual([
			'conferral_year: must be a year in YYYY format',
		]);
		expect(problems(educationSchema.safeParse({ ...education, conferral_year: 2024 }))).toEqual([]);
		expect(problems(educationSchema.safeParse({ ...education, full_name: ' ' }))).toEqual([
			'full_name: is required',
		]);
		expect(
			problems(
				educationSchema.safeParse({
					...education,
					transcript: { overall: { issuance_date: '01/12/2024' }, subjects: [] },
				}),
			),
		).toEqual(['transcript.overall.issuance_date: must be a date in YYYY-MM-DD format']);
		// Reference §5.1: a transcript needs both overall and subjects.
		expect(
			problems(
				educationSchema.safeParse({
					...education,
					transcript: { overall: { issuance_date: '2024-12-01' } },
				}),
			),
		).toEqual(['transcript.subjects: is required']);
		expect(
			problems(educationSchema.safeParse({ ...education, transcript: { subjects: [] } })),
		).toEqual(['transcript.overall: is required']);
		// A subject's completion date is a year or an ISO date; nothing else.
		const withCompletion = (completion_date: unknown) =>
			problems(
				educationSchema.safeParse({
					...education,
					transcript: {
						overall: { issuance_date: '2024-12-01' },
						subjects: [{ name: 'A', code: 'B', grade: 'C', completion_date }],
					},
				}),
			);
		expect(withCompletion('2024')).toEqual([]);
		expect(withCompletion('2024-06-30')).toEqual([]);
		expect(withCompletion('2024-02-30')).toEqual([
			'transcript.subjects.0.completion_date: must be a year (YYYY) or a date (YYYY-MM-DD)',
		]);
		expect(withCompletion('June 2024')).toHaveLength(1);
		expect(
			problems(
				educationSchema.safeParse({
					...education,
					transcript: {
						overall: { issuance_date: '2024-12-01' },
						subjects: [{ name: 'A', code: 'B', grade: 'C' }],
					},
				}),
			),
		).toEqual(['transcript.subjects.0.completion_date: is required']);
	});

	it('refuses misspelt keys instead of dropping them', () => {
		expect(problems(educationSchema.safeParse({ ...education, with_honors: true }))[0]).toMatch(
			/with_honors/,
		);
	});
});

describe('dates', () => {
	const badge = {
		full_name: 'A',
		issuer_name: 'Acme',
		microcredential_name: 'Excel',
		issue_date: '2024-02-29',
	};
	it('accept real calendar days only', () => {
		expect(problems(microcredentialSchema.safeParse(badge))).toEqual([]);
		expect(
			problems(microcredentialSchema.safeParse({ ...badge, issue_date: '2023-02-29' })),
		).toEqual(['issue_date: is not a calendar date']);
		expect(
			problems(microcredentialSchema.safeParse({ ...badge, expiry_date: '2025-1-1' })),
		).toEqual(['expiry_date: must be a date in YYYY-MM-DD format']);
	});
});

describe('english proficiency', () => {
	const test = {
		full_name: 'A',
		test_provider: 'Pearson',
		test_name: 'PTE Academic',
		completion_date: '2024-05-20',
		test_scores: {
			cefr_scores: { combined: 'B2' },
			overall: { score: 79, scale: '10-90' },
			subskills: [{ skill: 'Oral fluency', score: 80 }],
		},
	};
	it('needs test scores with a CEFR object and an overall score and scale', () => {
		expect(problems(englishProficiencySchema.safeParse(test))).toEqual([]);
		expect(
			problems(
				englishProficiencySchema.safeParse({
					...test,
					test_scores: { cefr_scores: {}, overall: { score: 79 } },
				}),
			),
		).toEqual(['test_scores.overall.scale: is required']);
		expect(
			problems(
				englishProficiencySchema.safeParse({
					...test,
					test_scores: { overall: { score: 1, scale: 'x' } },
				}),
			),
		).toEqual(['test_scores.cefr_scores: is required']);
	});
});

describe('digital identity', () => {
	const identity = {
		full_name: 'A',
		identity_document_validity: 'government_database',
		identity_document_liveness: 'in_person',
		identity_document_person_match: 'manual',
	};
	it('accepts the documented enums and refuses others by name', () => {
		expect(problems(digitalIdentitySchema.safeParse(identity))).toEqual([]);
		expect(
			problems(
				digitalIdentitySchema.safeParse({ ...identity, identity_document_liveness: 'selfie' }),
			),
		).toEqual(['identity_document_liveness: must be one of automated, in_person']);
		const { identity_document_validity: _v, ...missing } = identity;
		expect(problems(digitalIdentitySchema.safeParse(missing))).toEqual([
			'identity_document_validity: is required',
		]);
	});
});

describe('document', () => {
	it('follows the credential type', () => {
		expect(problems(documentSchema('education').safeParse({ document_type: 'png' }))).toEqual([
			'document_type: must be one of pdf, open_cert, none for education',
		]);
		expect(problems(documentSchema('education').safeParse({ document_type: 'none' }))).toEqual([]);
		expect(
			problems(
				documentSchema('education').safeParse({ document_type: 'pdf', document: 'file.pdf' }),
			),
		).toEqual(['document: must be the http(s) URL of the pdf file']);
		expect(
			problems(
				documentSchema('education').safeParse({
					document_type: 'open_cert',
					document: { data: {} },
				}),
			),
		).toEqual([]);
		expect(
			problems(
				documentSchema('english_proficiency').safeParse({ document_type: 'english_assessment' }),
			),
		).toEqual([]); // the newer English page makes the PDF optional (reference §5.2)
		expect(
			problems(
				documentSchema('english_proficiency').safeParse({
					document_type: 'english_assessment',
					document: 'not a url',
				}),
			),
		).toHaveLength(1);
		expect(
			problems(documentSchema('digital_identity').safeParse({ document_type: 'pdf' })),
		).toHaveLength(1);
	});
});

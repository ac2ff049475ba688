import {
	derivedSubmissionId,
	randomSubmissionId,
	submissionIdFor,
	uuidV5,
} from '../../../../nodes/SeekPass/helpers/submission-id';

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;
const RANDOM_UUID = /[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const degree = {
	full_name: 'John Smith',
	education_provider: 'University of Melbourne',
	course_name: 'Bachelor of Commerce',
	conferral_year: '2024',
	has_majors: true,
	majors: ['Finance', 'Marketing'],
	with_honours: true,
};

describe('derived submission id', () => {
	it('is built with standard UUID v5 (RFC 9562 test vector)', () => {
		expect(uuidV5('www.example.com', '6ba7b810-9dad-11d1-80b4-00c04fd430c8')).toBe(
			'2ed6657d-e927-568b-95e1-2665a8aea6a2',
		);
	});

	it('is a prefixed version-5 UUID, the same on every run', () => {
		const id = derivedSubmissionId('education', degree, undefined, 'acme');
		expect(id).toMatch(new RegExp(`^acme-${UUID.source}`));
		expect(derivedSubmissionId('education', { ...degree }, undefined, 'acme')).toBe(id);
	});

	it('ignores case, spacing, majors order and fields that do not identify the credential', () => {
		const id = derivedSubmissionId('education', degree, undefined);
		const same = {
			...degree,
			full_name: '  john   SMITH ',
			course_name: 'bachelor of commerce',
			majors: ['marketing', 'Finance'],
			education_provider: 'Another spelling of the provider',
			transcript: { overall: { issuance_date: '2024-12-01' } },
		};
		expect(derivedSubmissionId('education', same, undefined)).toBe(id);
	});

	it('changes with each identifying field, the person and the type', () => {
		const id = derivedSubmissionId('education', degree, undefined);
		const variants = [
			{ ...degree, course_name: 'Bachelor of Arts' },
			{ ...degree, conferral_year: '2025' },
			{ ...degree, majors: ['Finance'] },
			{ ...degree, with_honours: false },
			{ ...degree, full_name: 'Jane Smith' },
		];
		const ids = variants.map((v) => derivedSubmissionId('education', v, undefined));
		expect(new Set([id, ...ids]).size).toBe(variants.length + 1);
		expect(derivedSubmissionId('microcredential', degree, undefined)).not.toBe(id);
	});

	it('uses the person identifier instead of the name when given', () => {
		const a = derivedSubmissionId('education', degree, 'john@example.com');
		expect(
			derivedSubmissionId('education', { ...degree, full_name: 'J. Smith' }, 'JOHN@example.com '),
		).toBe(a);
		expect(derivedSubmissionId('education', degree, 'other@example.com')).not.toBe(a);
	});

	it('reads absent honours as false and absent majors as none', () => {
		const plain = { ...degree, majors: undefined, with_honours: undefined };
		expect(derivedSubmissionId('education', plain, undefined)).toBe(
			derivedSubmissionId('education', { ...degree, majors: [], with_honours: false }, undefined),
		);
	});

	it('identifies English tests by name and provider, microcredentials by name and issuer', () => {
		const test = {
			full_name: 'A B',
			test_name: 'PTE Academic',
			test_provider: 'Pearson',
			completion_date: '2024-01-01',
		};
		expect(derivedSubmissionId('english_proficiency', test, undefined)).toBe(
			derivedSubmissionId(
				'english_proficiency',
				{ ...test, completion_date: '2025-05-05' },
				undefined,
			),
		);
		expect(derivedSubmissionId('english_proficiency', test, undefined)).not.toBe(
			derivedSubmissionId('english_proficiency', { ...test, test_name: 'IELTS' }, undefined),
		);
		const badge = {
			full_name: 'A B',
			microcredential_name: 'Excel',
			issuer_name: 'Acme',
			issue_date: '2024-01-01',
		};
		expect(derivedSubmissionId('microcredential', badge, undefined)).not.toBe(
			derivedSubmissionId('microcredential', { ...badge, issuer_name: 'Other' }, undefined),
		);
	});
});

describe('other id modes', () => {
	it('generates a new prefixed random UUID each time', () => {
		const a = randomSubmissionId('acme-');
		expect(a).toMatch(new RegExp(`^acme-${RANDOM_UUID.source}`));
		expect(randomSubmissionId('acme')).not.toBe(a);
		expect(randomSubmissionId()).toMatch(new RegExp(`^${RANDOM_UUID.source}`));
	});

	it('uses a given id as it is, trimmed', () => {
		expect(submissionIdFor({ mode: 'given', given: ' my-id-1 ' }, 'education', degree)).toBe(
			'my-id-1',
		);
	});
});

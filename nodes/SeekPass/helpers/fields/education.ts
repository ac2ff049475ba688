import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { given, pick, present, rows, type ItemParams } from '../../../common/item-params';
import { partnerChainOptions, readPartnerChain } from './shared';

const show = { show: { credentialType: ['education'] } };

const SUBJECT_KEYS = ['name', 'code', 'grade', 'completion_date', 'credit', 'score'] as const;

export const educationProperties: INodeProperties[] = [
	{
		displayName: 'Education Provider',
		name: 'education_provider',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. University of Melbourne',
		displayOptions: show,
	},
	{
		displayName: 'Course Name',
		name: 'course_name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Bachelor of Commerce',
		displayOptions: show,
	},
	{
		displayName: 'Conferral Year',
		name: 'conferral_year',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2024',
		description:
			'Year the qualification was conferred, YYYY. Required unless Awaiting Graduation is on.',
		displayOptions: show,
	},
	{
		displayName: 'Additional Fields',
		name: 'educationFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Awaiting Graduation',
				name: 'awaiting_graduation',
				type: 'boolean',
				default: false,
				description:
					'Whether the course is completed but not yet conferred (then Conferral Year may be empty)',
			},
			{
				displayName: 'Has Majors',
				name: 'has_majors',
				type: 'boolean',
				default: false,
				description: 'Whether the qualification has majors',
			},
			{
				displayName: 'Majors',
				name: 'majors',
				type: 'string',
				typeOptions: { multipleValues: true, multipleValueButtonText: 'Add Major' },
				default: [],
				placeholder: 'e.g. Finance',
			},
			{
				displayName: 'Majors (JSON)',
				name: 'majors_json',
				type: 'json',
				default: '',
				description:
					'The majors as a JSON list, e.g. ["Finance", "Marketing"]. Use this or Majors, not both.',
			},
			...partnerChainOptions,
			{
				displayName: 'Transcript (JSON)',
				name: 'transcript_json',
				type: 'json',
				default: '',
				description:
					'The whole transcript as JSON: {"overall": {"issuance_date": "YYYY-MM-DD", "score": …}, "subjects": [{"name", "code", "grade", "completion_date", "credit", "score"}]}. Use this or the transcript fields, not both.',
			},
			{
				displayName: 'Transcript Issuance Date',
				name: 'transcript_issuance_date',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2024-12-01',
				description:
					'Date the transcript was issued, YYYY-MM-DD. A transcript needs this and at least one subject.',
			},
			{
				displayName: 'Transcript Overall Score',
				name: 'transcript_score',
				type: 'string',
				default: '',
				placeholder: 'e.g. 82.5',
			},
			{
				displayName: 'Transcript Subjects',
				name: 'transcript_subjects',
				type: 'fixedCollection',
				typeOptions: { multipleValues: true },
				default: {},
				placeholder: 'Add Subject',
				description: 'A transcript needs at least one subject and the issuance date',
				options: [
					{
						name: 'subjects',
						displayName: 'Subject',
						values: [
							{
								displayName: 'Code',
								name: 'code',
								type: 'string',
								default: '',
								required: true,
								placeholder: 'e.g. ACCT101',
							},
							{
								displayName: 'Completion Date',
								name: 'completion_date',
								type: 'string',
								default: '',
								required: true,
								placeholder: 'e.g. 2024-06-30 or 2024',
								description: 'When the subject was completed: a year (YYYY) or a date (YYYY-MM-DD)',
							},
							{
								displayName: 'Credit',
								name: 'credit',
								type: 'string',
								default: '',
								placeholder: 'e.g. 12.5',
							},
							{
								displayName: 'Grade',
								name: 'grade',
								type: 'string',
								default: '',
								required: true,
								placeholder: 'e.g. High Distinction',
								description: 'Free text, e.g. A+, High Distinction, Pass',
							},
							{
								displayName: 'Name',
								name: 'name',
								type: 'string',
								default: '',
								required: true,
								placeholder: 'e.g. Accounting 1',
							},
							{
								displayName: 'Score',
								name: 'score',
								type: 'string',
								default: '',
								placeholder: 'e.g. 85',
							},
						],
					},
				],
			},
			{
				displayName: 'With Honours',
				name: 'with_honours',
				type: 'boolean',
				default: false,
				description: 'Whether the qualification was awarded with honours',
			},
		],
	},
];

function transcriptFromFields(fields: IDataObject): IDataObject | undefined {
	const subjects = rows(fields.transcript_subjects, 'subjects', SUBJECT_KEYS);
	const issuanceDate = given(fields.transcript_issuance_date);
	const score = given(fields.transcript_score);
	if (issuanceDate === undefined && score === undefined && subjects === undefined) return undefined;
	// issuance_date may be missing here: the schema then names transcript.overall.issuance_date.
	const overall: IDataObject = {};
	if (issuanceDate !== undefined) overall.issuance_date = issuanceDate;
	if (score !== undefined) overall.score = score;
	return subjects ? { overall, subjects } : { overall };
}

/** The education credential as the editor describes it, in the guide's field order. */
export function readEducation(params: ItemParams): IDataObject {
	const fields = params.raw<IDataObject>('educationFields', {});
	const credential: IDataObject = {
		full_name: params.raw('full_name', ''),
		education_provider: params.raw('education_provider', ''),
		course_name: params.raw('course_name', ''),
	};
	const conferralYear = given(params.raw<unknown>('conferral_year', ''));
	if (conferralYear !== undefined) credential.conferral_year = conferralYear;
	Object.assign(credential, pick(fields, ['awaiting_graduation', 'has_majors']));
	const majors = params.either(
		'majors',
		present(fields.majors) ? fields.majors : undefined,
		fields.majors_json,
	);
	if (majors !== undefined) credential.majors = majors;
	Object.assign(credential, pick(fields, ['with_honours']));
	const partnerChain = readPartnerChain(params, fields);
	if (partnerChain !== undefined) credential.partner_chain = partnerChain;
	const transcript = params.either(
		'transcript',
		transcriptFromFields(fields),
		fields.transcript_json,
	);
	if (transcript !== undefined) credential.transcript = transcript;
	return credential;
}

import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { given, pick, rows, type ItemParams } from '../../../common/item-params';
import { partnerChainOptions, readPartnerChain } from './shared';

const show = { show: { credentialType: ['english_proficiency'] } };
const showFields = {
	show: { credentialType: ['english_proficiency'], test_scores_input: ['fields'] },
};
const showJson = { show: { credentialType: ['english_proficiency'], test_scores_input: ['json'] } };

const CEFR_KEYS = ['combined', 'reading', 'listening', 'speaking', 'writing'] as const;

const cefrOption = (displayName: string, name: string): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	placeholder: 'e.g. B2',
});

export const englishProficiencyProperties: INodeProperties[] = [
	{
		displayName: 'Test Provider',
		name: 'test_provider',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. Pearson',
		displayOptions: show,
	},
	{
		displayName: 'Test Name',
		name: 'test_name',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. PTE Academic',
		displayOptions: show,
	},
	{
		displayName: 'Completion Date',
		name: 'completion_date',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 2024-05-20',
		description: 'Date the test was completed, YYYY-MM-DD',
		displayOptions: show,
	},
	{
		displayName: 'Test Scores Input',
		name: 'test_scores_input',
		type: 'options',
		options: [
			{ name: 'Using Fields Below', value: 'fields' },
			{
				name: 'Using JSON',
				value: 'json',
				description: 'The whole test_scores object, e.g. from an expression',
			},
		],
		default: 'fields',
		displayOptions: show,
	},
	{
		displayName: 'Overall Score',
		name: 'overall_score',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 79',
		displayOptions: showFields,
	},
	{
		displayName: 'Overall Scale',
		name: 'overall_scale',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 10-90',
		description: 'The scale the overall score is on',
		displayOptions: showFields,
	},
	{
		displayName: 'CEFR Scores',
		name: 'cefr_scores',
		type: 'collection',
		placeholder: 'Add CEFR Score',
		default: {},
		description: 'Common European Framework levels (A1 to C2) per skill',
		displayOptions: showFields,
		options: [
			cefrOption('Combined', 'combined'),
			cefrOption('Listening', 'listening'),
			cefrOption('Reading', 'reading'),
			cefrOption('Speaking', 'speaking'),
			cefrOption('Writing', 'writing'),
		],
	},
	{
		displayName: 'Subskills',
		name: 'subskills',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Subskill',
		displayOptions: showFields,
		options: [
			{
				name: 'subskills',
				displayName: 'Subskill',
				values: [
					{ displayName: 'Score', name: 'score', type: 'string', default: '', required: true },
					{ displayName: 'Skill', name: 'skill', type: 'string', default: '', required: true },
				],
			},
		],
	},
	{
		displayName: 'Test Scores (JSON)',
		name: 'test_scores_json',
		type: 'json',
		default: '{\n  "cefr_scores": {},\n  "overall": { "score": "", "scale": "" }\n}',
		required: true,
		description:
			'{"cefr_scores": {"combined", "reading", "listening", "speaking", "writing"}, "overall": {"score", "scale"}, "subskills": [{"skill", "score"}], "partner_chain": [{"name"}]}',
		displayOptions: showJson,
	},
	{
		displayName: 'Additional Fields',
		name: 'englishProficiencyFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Expiry Date',
				name: 'expiry_date',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2026-05-20',
				description: 'YYYY-MM-DD',
			},
			...partnerChainOptions,
		],
	},
];

function testScoresFromFields(params: ItemParams): IDataObject {
	const scores: IDataObject = {
		cefr_scores: pick(params.raw<IDataObject>('cefr_scores', {}), CEFR_KEYS),
		overall: {
			score: given(params.raw('overall_score', '')),
			scale: given(params.raw('overall_scale', '')),
		},
	};
	const subskills = rows(params.raw('subskills', {}), 'subskills', ['skill', 'score']);
	if (subskills) scores.subskills = subskills;
	return scores;
}

export function readEnglishProficiency(params: ItemParams): IDataObject {
	const fields = params.raw<IDataObject>('englishProficiencyFields', {});
	const credential: IDataObject = {
		full_name: params.raw('full_name', ''),
		test_provider: params.raw('test_provider', ''),
		test_name: params.raw('test_name', ''),
		completion_date: params.raw('completion_date', ''),
	};
	const expiry = given(fields.expiry_date);
	if (expiry !== undefined) credential.expiry_date = expiry;
	const scores =
		params.raw<string>('test_scores_input', 'fields') === 'json'
			? params.parse(params.raw<unknown>('test_scores_json', ''), 'test_scores_json')
			: testScoresFromFields(params);
	// The printed schema nests partner_chain inside test_scores (reference §5.2, lead's contract).
	const partnerChain = readPartnerChain(params, fields);
	if (partnerChain !== undefined) {
		if (scores !== null && typeof scores === 'object' && !Array.isArray(scores)) {
			const inJson = (scores as IDataObject).partner_chain;
			if (inJson !== undefined)
				params.fail('partner_chain', 'given in the fields and in the test scores JSON');
			credential.test_scores = { ...(scores as IDataObject), partner_chain: partnerChain };
		} else credential.test_scores = scores as IDataObject;
	} else if (scores !== undefined) credential.test_scores = scores;
	return credential;
}

import type { IDataObject, INodeProperties } from 'n8n-workflow';
import { rows, type ItemParams } from '../../../common/item-params';
import { partnerChainOptions } from './shared';

const show = { show: { credentialType: ['career_history'] } };

const EMPLOYMENT_KEYS = [
	'organisation',
	'role_classification',
	'role_title',
	'start_date',
	'end_date',
	'last_processed_month',
] as const;

const monthField = (
	displayName: string,
	name: string,
	description: string,
	required: boolean,
): INodeProperties => ({
	displayName,
	name,
	type: 'string',
	default: '',
	required,
	placeholder: 'e.g. 2024-06',
	description,
});

export const careerHistoryProperties: INodeProperties[] = [
	{
		displayName: 'Employment',
		name: 'employment',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		default: {},
		placeholder: 'Add Employment',
		description: 'One entry per employment period. Or give them as JSON under Additional Fields.',
		displayOptions: show,
		options: [
			{
				name: 'jobs',
				displayName: 'Employment',
				values: [
					monthField('End Month', 'end_date', 'YYYY-MM; leave empty for a current job', false),
					monthField(
						'Last Processed Month',
						'last_processed_month',
						'YYYY-MM: the most recent month this employment’s data was updated',
						true,
					),
					{
						displayName: 'Organisation',
						name: 'organisation',
						type: 'string',
						default: '',
						required: true,
						placeholder: 'e.g. Acme Pty Ltd',
						description: 'The employer’s official or common name',
					},
					{
						displayName: 'Role Classification',
						name: 'role_classification',
						type: 'string',
						default: '',
						placeholder: 'e.g. Software Engineer',
						description:
							'A broad standard label for the role. Give this or Role Title; SEEK Pass recommends both.',
					},
					{
						displayName: 'Role Title',
						name: 'role_title',
						type: 'string',
						default: '',
						placeholder: 'e.g. Senior Backend Engineer II',
						description:
							'The exact job title for the period. Give this or Role Classification; SEEK Pass recommends both.',
					},
					monthField('Start Month', 'start_date', 'YYYY-MM', true),
				],
			},
		],
	},
	{
		displayName: 'Additional Fields',
		name: 'careerHistoryFields',
		type: 'collection',
		placeholder: 'Add Field',
		default: {},
		displayOptions: show,
		options: [
			{
				displayName: 'Employment (JSON)',
				name: 'employment_json',
				type: 'json',
				default: '',
				description:
					'The employment list as JSON, e.g. from an expression: [{"organisation", "role_classification", "role_title", "start_date", "end_date", "last_processed_month"}]. Use this or Employment, not both.',
			},
			...partnerChainOptions,
		],
	},
];

/** Career history's fields; its partner chain goes outside them (see readOutsidePartnerChain). */
export function readCareerHistory(params: ItemParams): IDataObject {
	const fields = params.raw<IDataObject>('careerHistoryFields', {});
	const credential: IDataObject = { full_name: params.raw('full_name', '') };
	const employment = params.either(
		'employment',
		rows(params.raw('employment', {}), 'jobs', EMPLOYMENT_KEYS),
		fields.employment_json,
	);
	if (employment !== undefined) credential.employment = employment as IDataObject[];
	return credential;
}

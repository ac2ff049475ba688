import type { INodeProperties } from 'n8n-workflow';
import { batched } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import { ItemParams } from '../../../common/item-params';
import { achievementTypeOptions, CUSTOM_ACHIEVEMENT_TYPE } from '../../helpers/achievement-types';
import { issuerProperties } from '../../helpers/issuer';
import { PUSH_WHAT, readPushEntry, type PushEntry } from '../../helpers/push-entry';
import { groupBody, pushConflicts, recipientKey } from '../../helpers/push-group';
import { recipientProperties } from '../../helpers/recipient';
import type { SmartResumeClient } from '../../transport';

const fieldsOb3 = { source: ['fields'], format: ['ob3'] };
const fieldsClr = { source: ['fields'], format: ['clr'] };
const typed = { source: ['fields', 'certifier'] };

/** Where the achievement type is chosen: OB 3.0 from fields, or a Certifier credential. */
const achievementTypeShown = [{ show: fieldsOb3 }, { show: { source: ['certifier'] } }];

function achievementTypeProperties(): INodeProperties[] {
	return achievementTypeShown.flatMap(({ show }, n) => [
		{
			displayName: 'Achievement Type',
			name: 'achievementType',
			type: 'options' as const,
			options: achievementTypeOptions(),
			default: n === 0 ? 'Course' : 'Certificate',
			description:
				'Decides the SmartResume section the credential lands in (shown after each type). Custom values raise an alert at SmartResume.',
			displayOptions: { show },
		},
		{
			displayName: 'Custom Achievement Type',
			name: 'customAchievementType',
			type: 'string' as const,
			default: '',
			required: true,
			placeholder: 'e.g. ceterms:Apprenticeship',
			displayOptions: { show: { ...show, achievementType: [CUSTOM_ACHIEVEMENT_TYPE] } },
		},
	]);
}

const properties: INodeProperties[] = [
	...recipientProperties,
	{
		displayName: 'Credential Source',
		name: 'source',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'Certifier Credential',
				value: 'certifier',
				description:
					'A credential item as the Certifier node outputs it, mapped to Open Badges 3.0',
			},
			{
				name: 'Fields',
				value: 'fields',
				description: 'Build the credential from the fields below',
			},
			{
				name: 'JSON',
				value: 'json',
				description:
					'Ready OB 3.0 or CLR 2.0 JSON: one credential, a list of them, or a whole push body',
			},
		],
		default: 'fields',
	},
	{
		displayName: 'Certifier Credential',
		name: 'certifierCredential',
		type: 'json',
		default: '={{ $json }}',
		description:
			"The Certifier node's credential item (turn on its Include Group option, or fill Achievement Name below). Its ID becomes the assertion ID, its group the achievement.",
		displayOptions: { show: { source: ['certifier'] } },
	},
	{
		displayName: 'Credential JSON',
		name: 'credentialJson',
		type: 'json',
		default: '={{ $json }}',
		description:
			'An OpenBadgeCredential or ClrCredential, a list of them, or a body with "credentials" (its recipient fills recipient fields left empty above)',
		displayOptions: { show: { source: ['json'] } },
	},
	{
		displayName: 'Format',
		name: 'format',
		type: 'options',
		noDataExpression: true,
		options: [
			{
				name: 'CLR 2.0 (ClrCredential)',
				value: 'clr',
				description: 'A learner record; carries the middle name',
			},
			{
				name: 'Open Badges 3.0 (OpenBadgeCredential)',
				value: 'ob3',
				description: 'One award of one achievement',
			},
		],
		default: 'ob3',
		displayOptions: { show: { source: ['fields'] } },
	},
	{
		displayName: 'Assertion ID',
		name: 'assertionId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 351843720888468',
		description:
			'Unique and unchanging for this one award to this one person: SmartResume applies later updates by it, and the first person to claim it owns it',
		displayOptions: { show: { source: ['fields'] } },
	},
	{
		displayName: 'Credential Name',
		name: 'credentialName',
		type: 'string',
		default: '',
		placeholder: 'e.g. Calculus w/Analytic Geometry I',
		description: 'Required for CLR. For Open Badges, empty takes the achievement name.',
		displayOptions: { show: { source: ['fields'] } },
	},
	{
		displayName: 'Achievement ID',
		name: 'achievementId',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'e.g. 351843720888468',
		description: 'The same for every award of this achievement (e.g. the course code)',
		displayOptions: { show: fieldsOb3 },
	},
	...achievementTypeProperties(),
	{
		displayName: 'Achievement Name',
		name: 'achievementName',
		type: 'string',
		default: '',
		required: true,
		displayOptions: { show: fieldsOb3 },
	},
	{
		displayName: 'Achievement Details',
		name: 'achievementDetails',
		type: 'collection',
		placeholder: 'Add detail',
		default: {},
		displayOptions: { show: { source: ['fields', 'certifier'] } },
		options: [
			{ displayName: 'Description', name: 'description', type: 'string', default: '' },
			{
				displayName: 'Image URL',
				name: 'imageId',
				type: 'string',
				default: '',
				description: 'Badge image URL or data URI',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: "Instead of the Certifier group's name",
				displayOptions: { show: { '/source': ['certifier'] } },
			},
		],
	},
	{
		displayName: 'Dates',
		name: 'dates',
		type: 'collection',
		placeholder: 'Add date',
		default: {},
		description: 'Sent as written; SmartResume also takes free text such as "Spring 2023"',
		displayOptions: { show: fieldsOb3 },
		options: [
			{ displayName: 'Activity End Date', name: 'activityEndDate', type: 'string', default: '' },
			{ displayName: 'Awarded Date', name: 'awardedDate', type: 'string', default: '' },
			{ displayName: 'Expiration Date', name: 'expirationDate', type: 'string', default: '' },
			{ displayName: 'Issuance Date', name: 'issuanceDate', type: 'string', default: '' },
			{ displayName: 'Issued On', name: 'issuedOn', type: 'string', default: '' },
		],
	},
	{
		displayName: 'Valid From',
		name: 'validFrom',
		type: 'string',
		default: '',
		placeholder: 'e.g. 2010-01-01T00:00:00Z',
		displayOptions: { show: fieldsClr },
	},
	{
		displayName: 'Included Credentials (JSON)',
		name: 'includedCredentials',
		type: 'json',
		default: '[]',
		description:
			'The OpenBadgeCredentials the record bundles (credentialSubject.verifiableCredential)',
		displayOptions: { show: fieldsClr },
	},
	{
		displayName: 'Subject ID',
		name: 'subjectId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 1235143208848 or did:example:…',
		description:
			'The ID of the credential subject: who the credential is about. Empty takes the recipient ID.',
		displayOptions: { show: typed },
	},
	...issuerProperties(typed),
	{
		displayName: 'Group Items by Recipient',
		name: 'groupByRecipient',
		type: 'boolean',
		default: false,
		description:
			'Whether to send the credentials of items with the same recipient (ID and token) in one request: one claim link per person, shown on each of their items',
	},
];

export const push: Operation<SmartResumeClient> = {
	value: 'push',
	name: 'Push',
	action: 'Push credentials to SmartResume',
	description:
		'Upload credentials for a person and get the link they open to claim them on SmartResume',
	properties,
	execute: batched<SmartResumeClient, PushEntry>((op) => {
		// One setting for the whole execution: items are either all grouped by recipient or none.
		const grouped = op.ctx.getNodeParameter('groupByRecipient', 0, false) as boolean;
		return {
			prepare: (itemIndex) => readPushEntry(new ItemParams(op.ctx, itemIndex, PUSH_WHAT)),
			groupKey: grouped ? recipientKey : undefined,
			conflicts: (group) => pushConflicts(op.ctx.getNode(), group),
			send: async (group) => {
				const link = await op.client.push(groupBody(group), group[0].itemIndex);
				return group.map((entry) => ({
					...link,
					recipientId: entry.recipient.id || null,
					assertionIds: entry.credentials.map((c) => c.id as string),
					itemsInRequest: group.length,
				}));
			},
		};
	}),
};

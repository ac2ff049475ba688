import type { INodeProperties } from 'n8n-workflow';
import { batched } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import { ItemParams } from '../../../common/item-params';
import { SKILL_CARRIER_DEFAULTS, SKILL_NAME_MAX } from '../../constants';
import { issuerProperties } from '../../helpers/issuer';
import { recipientProperties } from '../../helpers/recipient';
import { readSyncEntry, SYNC_WHAT, type SyncEntry } from '../../helpers/sync-entry';
import type { SmartResumeClient } from '../../transport';

// Named values: the lint reads a member expression as a missing default.
const defaultCarrierName = SKILL_CARRIER_DEFAULTS.name;
const defaultAchievementName = SKILL_CARRIER_DEFAULTS.achievementName;

const levelOptions = [
	{ name: 'Advanced', value: 'advanced' },
	{ name: 'Beginner', value: 'beginner' },
	{ name: 'Expert', value: 'expert' },
	{ name: 'Intermediate', value: 'intermediate' },
	{ name: 'Not Set', value: '' },
];

const categoryOptions = [
	{ name: 'Durable', value: 'durable' },
	{ name: 'Not Set', value: '' },
	{ name: 'Other', value: 'other' },
	{ name: 'Specialized', value: 'specialized' },
	{ name: 'Technical', value: 'technical' },
];

const properties: INodeProperties[] = [
	...recipientProperties,
	...issuerProperties(undefined, false),
	{
		displayName: 'Skills Source',
		name: 'skillsSource',
		type: 'options',
		noDataExpression: true,
		options: [
			{ name: 'Fields', value: 'fields', description: 'List the skills below' },
			{ name: 'JSON', value: 'json', description: 'A list of skills from an earlier node' },
		],
		default: 'fields',
	},
	{
		displayName: 'Skills',
		name: 'skills',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add skill',
		default: {},
		displayOptions: { show: { skillsSource: ['fields'] } },
		options: [
			{
				displayName: 'Skill',
				name: 'skill',
				values: [
					{
						displayName: 'Category',
						name: 'category',
						type: 'options',
						options: categoryOptions,
						default: '',
						description: 'Shown on the resume; the holder cannot change it',
					},
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						description: 'The skill statement viewers see behind the skill’s detail icon',
					},
					{
						displayName: 'Evidence URL',
						name: 'evidenceUrl',
						type: 'string',
						default: '',
						placeholder: 'https://…',
						description:
							'Verified skills only: a link to evidence, shown when a viewer checks the verification',
						displayOptions: { show: { verified: [true] } },
					},
					{
						displayName: 'Framework',
						name: 'framework',
						type: 'string',
						default: '',
						placeholder: 'e.g. INSTX',
						description: 'Sent as targetFramework; empty takes the carrier’s default framework',
					},
					{
						displayName: 'Level',
						name: 'level',
						type: 'options',
						options: levelOptions,
						default: '',
						description: 'The holder can change it unless the skill is verified',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						required: true,
						description: `As it should appear on the resume; at most ${SKILL_NAME_MAX} characters`,
					},
					{
						displayName: 'Verified',
						name: 'verified',
						type: 'boolean',
						default: false,
						description:
							'Whether you vouch for the skill: it goes into a carrier with the proof below, and the holder cannot edit it',
					},
				],
			},
		],
	},
	{
		displayName: 'Skills (JSON)',
		name: 'skillsJson',
		type: 'json',
		default: '[]',
		description: `A list of {"name", "description", "level", "category", "verified", "evidenceUrl", "framework"}; only name is required (at most ${SKILL_NAME_MAX} characters)`,
		displayOptions: { show: { skillsSource: ['json'] } },
	},
	{
		displayName: 'Proof (JSON)',
		name: 'proof',
		type: 'json',
		default: '',
		description:
			'Required when a skill is verified: the proof your signing service made for the carrier (an object or a list, e.g. Ed25519Signature2020). This node does not sign.',
	},
	{
		displayName: 'Carrier Options',
		name: 'carrierOptions',
		type: 'collection',
		placeholder: 'Add option',
		default: {},
		description: 'The credential that carries the skills; SmartResume does not import it itself',
		options: [
			{
				displayName: 'Achievement ID',
				name: 'achievementId',
				type: 'string',
				default: '',
				description: 'Empty: an ID derived from the issuer ID, the same on every run',
			},
			{
				displayName: 'Achievement Name',
				name: 'achievementName',
				type: 'string',
				default: defaultAchievementName,
			},
			{
				displayName: 'Awarded Date',
				name: 'awardedDate',
				type: 'string',
				default: '',
				placeholder: 'e.g. 2025-02-14T17:07:16Z',
			},
			{
				displayName: 'Carrier ID',
				name: 'carrierId',
				type: 'string',
				default: '',
				placeholder: 'e.g. urn:uuid:70b6ecc7-42cf-4679-ba89-9e8dd721a3ac',
				description:
					'ID of the carrier with verified skills. Empty: derived from issuer and recipient IDs, the same on every run.',
			},
			{ displayName: 'Criteria Narrative', name: 'narrative', type: 'string', default: '' },
			{
				displayName: 'Default Framework',
				name: 'framework',
				type: 'string',
				default: '',
				placeholder: 'e.g. INSTX',
				description: 'TargetFramework of skills that name none',
			},
			{ displayName: 'Name', name: 'name', type: 'string', default: defaultCarrierName },
			{
				displayName: 'Self-Asserted Carrier ID',
				name: 'selfAssertedCarrierId',
				type: 'string',
				default: '',
				description:
					'ID of the carrier with unverified skills. Empty: derived from the carrier ID.',
			},
			{
				displayName: 'Subject ID',
				name: 'subjectId',
				type: 'string',
				default: '',
				description:
					'The ID of the credential subject; left out when empty, as in SmartResume’s example',
			},
		],
	},
];

export const sync: Operation<SmartResumeClient> = {
	value: 'sync',
	name: 'Sync',
	action: 'Sync skills to SmartResume',
	description:
		'SkillSync: send a person’s skills, with level, category and verification, to their SmartResume',
	properties,
	// No group key: one request per item, every item validated before the first is sent.
	execute: batched<SmartResumeClient, SyncEntry>((op) => ({
		prepare: (itemIndex) => readSyncEntry(new ItemParams(op.ctx, itemIndex, SYNC_WHAT)),
		send: async ([entry]) => {
			const link = await op.client.push(entry.body, entry.itemIndex);
			return [
				{
					...link,
					recipientId: entry.recipientId || null,
					carrierIds: entry.carrierIds,
					verifiedSkills: entry.verified,
					selfAssertedSkills: entry.selfAsserted,
				},
			];
		},
	})),
};

import type { INodeProperties } from 'n8n-workflow';
import { RECIPIENT_KEYS, type RecipientInput } from '../types';
import { asText, type ItemParams } from '../../common/item-params';

/** The recipient fields push and SkillSync share. */
export const recipientProperties: INodeProperties[] = [
	{
		displayName: 'Recipient ID',
		name: 'recipientId',
		type: 'string',
		default: '',
		placeholder: 'e.g. 474989023199323',
		description:
			'Your unique, unchanging ID for the person; SmartResume matches later uploads to them by it. Required unless a recipient token is given.',
	},
	{
		displayName: 'Recipient Token',
		name: 'recipientToken',
		type: 'string',
		typeOptions: { password: true },
		default: '',
		placeholder: "e.g. {{ $('SmartResume Trigger').item.json.recipientToken }}",
		description:
			'Only when SmartResume sent the person to your import endpoint (SmartResume Trigger): the token that ties the upload to their signed-in account',
	},
	{
		displayName: 'Recipient Details',
		name: 'recipientDetails',
		type: 'collection',
		placeholder: 'Add detail',
		default: {},
		description: "Optional; pre-fills SmartResume's sign-up form",
		options: [
			{
				displayName: 'Email',
				name: 'email',
				type: 'string',
				placeholder: 'name@email.com',
				default: '',
			},
			{ displayName: 'Family Name', name: 'familyName', type: 'string', default: '' },
			{ displayName: 'Given Name', name: 'givenName', type: 'string', default: '' },
			{
				displayName: 'Middle Name',
				name: 'additionalName',
				type: 'string',
				default: '',
				description:
					'Sent as additionalName; a CLR credential also carries it on its Profile subject',
			},
			{ displayName: 'Phone', name: 'phone', type: 'string', default: '' },
			{
				displayName: 'Signup Organization',
				name: 'signupOrganization',
				type: 'string',
				default: '',
			},
			{ displayName: 'Student ID', name: 'studentId', type: 'string', default: '' },
		],
	},
];

export interface RecipientPart {
	recipient: RecipientInput;
	/** "" outside use case 3. */
	recipientToken: string;
}

/** The item's recipient; fields the user left empty are taken from `fallback` (e.g. a Certifier item). */
export function readRecipient(
	params: ItemParams,
	fallback: Partial<RecipientInput> = {},
): RecipientPart {
	const details = params.collection('recipientDetails');
	const given: Record<string, string> = { id: params.text('recipientId') };
	for (const key of RECIPIENT_KEYS) if (key !== 'id') given[key] = asText(details[key]);
	const recipient = {} as RecipientInput;
	for (const key of RECIPIENT_KEYS) {
		const own = given[key];
		recipient[key] = typeof own === 'string' && own.trim() === '' ? asText(fallback[key]) : own;
	}
	return { recipient, recipientToken: params.text('recipientToken') };
}

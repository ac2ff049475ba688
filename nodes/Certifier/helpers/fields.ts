import type { INodeProperties } from 'n8n-workflow';
import { CERTIFIER_URLS } from '../constants';

/** Fields several operations share; each operation file scopes them to itself. */

const ID_PLACEHOLDER = '01g90279gp5sbmfek7wymcsvec';
const NON_BLANK = '^\\s*\\S+\\s*$';

function locator(
	what: 'Credential' | 'Group' | 'Design',
	name: string,
	searchListMethod: string,
	urlPattern: string,
	exampleUrl: string,
): INodeProperties {
	return {
		displayName: what,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		required: true,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				typeOptions: { searchListMethod, searchable: true },
			},
			{
				displayName: 'By URL',
				name: 'url',
				type: 'string',
				placeholder: exampleUrl,
				validation: [
					{
						type: 'regex',
						properties: {
							regex: urlPattern,
							errorMessage: `Not a Certifier ${what.toLowerCase()} URL`,
						},
					},
				],
				extractValue: { type: 'regex', regex: urlPattern },
			},
			{
				displayName: 'ID',
				name: 'id',
				type: 'string',
				placeholder: ID_PLACEHOLDER,
				validation: [
					{
						type: 'regex',
						properties: { regex: NON_BLANK, errorMessage: `Enter a ${what.toLowerCase()} ID` },
					},
				],
			},
		],
	};
}

export function groupLocator(description: string): INodeProperties {
	return {
		...locator(
			'Group',
			'group',
			'searchGroups',
			CERTIFIER_URLS.groupPattern,
			CERTIFIER_URLS.group(ID_PLACEHOLDER),
		),
		description,
	};
}

export function designLocator(description: string): INodeProperties {
	return {
		...locator(
			'Design',
			'design',
			'searchDesigns',
			CERTIFIER_URLS.designPattern,
			CERTIFIER_URLS.design(ID_PLACEHOLDER),
		),
		description,
	};
}

/**
 * The credential an operation works on. Named credentialId, as when it was a text field: saved
 * workflows hold a plain string there, which n8n hands over unchanged and ItemParams reads alike.
 */
export const credentialLocator: INodeProperties = {
	...locator(
		'Credential',
		'credentialId',
		'searchCredentials',
		CERTIFIER_URLS.credentialPattern,
		CERTIFIER_URLS.credential('01hz2f0c9ryvzajg20jqh9taab'),
	),
	description: 'The credential, by recipient, dashboard URL or ID (not the public ID)',
};

/**
 * n8n's Simplify switch for answers of more than ten fields (compact items for AI agents). Shown
 * from node version 1.1 on: version 1 workflows keep the full output they were built on.
 */
export const simplifyProperty: INodeProperties = {
	displayName: 'Simplify',
	name: 'simplify',
	type: 'boolean',
	default: true,
	description: 'Whether to return a simplified version of the response instead of the raw data',
	displayOptions: { show: { '@version': [{ _cnd: { gte: 1.1 } }] } },
};

export function recipientNameField(): INodeProperties {
	return {
		displayName: 'Recipient Name',
		name: 'recipientName',
		type: 'string',
		default: '',
		required: true,
		placeholder: 'John Doe',
		description: 'Full name printed on the credential',
	};
}

export function recipientEmailField(required: boolean): INodeProperties {
	return {
		displayName: 'Recipient Email',
		name: 'recipientEmail',
		type: 'string',
		default: '',
		required,
		placeholder: 'name@email.com',
		description: required
			? 'Where Certifier emails the credential'
			: 'Where Certifier will email the credential when it is sent; needed to send it later',
	};
}

export const customAttributesField: INodeProperties = {
	displayName: 'Custom Attributes',
	name: 'customAttributes',
	type: 'fixedCollection',
	typeOptions: { multipleValues: true },
	placeholder: 'Add Custom Attribute',
	default: {},
	description: "Values for the group design's custom attributes, such as a mentor's name",
	options: [
		{
			displayName: 'Attribute',
			name: 'attribute',
			values: [
				{
					displayName: 'Attribute Name or ID',
					name: 'tag',
					type: 'options',
					typeOptions: { loadOptionsMethod: 'getCustomAttributes' },
					default: '',
					description:
						'Choose from the list, or specify an ID using an <a href="https://docs.n8n.io/code/expressions/">expression</a>',
				},
				{
					displayName: 'Value',
					name: 'value',
					type: 'string',
					default: '',
				},
			],
		},
	],
};

export function issueDateField(description: string): INodeProperties {
	return {
		displayName: 'Issue Date',
		name: 'issueDate',
		type: 'dateTime',
		default: '',
		description,
	};
}

export function expiryDateField(description: string): INodeProperties {
	return {
		displayName: 'Expiry Date',
		name: 'expiryDate',
		type: 'dateTime',
		default: '',
		description,
	};
}

const INCLUDE_GROUP_DESCRIPTION =
	"Whether to add the credential's group as group {ID, name} to the output, e.g. for mapping to Open Badges (looked up once per group per run)";

/** "Include Group", on by default (Get, Create-Issue-Send) or off (Create Draft). */
export function includeGroupOption(on: boolean): INodeProperties {
	return on
		? {
				displayName: 'Include Group',
				name: 'includeGroup',
				type: 'boolean',
				default: true,
				description: INCLUDE_GROUP_DESCRIPTION,
			}
		: {
				displayName: 'Include Group',
				name: 'includeGroup',
				type: 'boolean',
				default: false,
				description: INCLUDE_GROUP_DESCRIPTION,
			};
}

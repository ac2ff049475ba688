import type { Operation } from '../../../common/operation';
import {
	customAttributesField,
	expiryDateField,
	groupLocator,
	includeGroupOption,
	issueDateField,
	recipientEmailField,
	recipientNameField,
} from '../../descriptions';
import { createCredentialSchema } from '../../schemas';
import { includeGroupWanted, outputCredential, perCertifierItem } from '../item';
import { readCreateBody } from './input';

export const create: Operation = {
	value: 'create',
	name: 'Create Draft',
	action: 'Create a draft credential',
	description: 'Create a credential in draft status; issue and send it later',
	properties: [
		groupLocator('The group (credential template) the credential belongs to'),
		recipientNameField(),
		recipientEmailField(false),
		customAttributesField,
		{
			displayName: 'Additional Fields',
			name: 'additionalFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				expiryDateField(
					"Day the credential expires (only the date is used); the group's setting applies when empty",
				),
				issueDateField('Day of issue (only the date is used); Certifier uses today when empty'),
			],
		},
		{
			displayName: 'Options',
			name: 'options',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			options: [includeGroupOption(false)],
		},
	],
	execute: perCertifierItem(async (c, itemIndex) => {
		const body = readCreateBody(c, itemIndex, createCredentialSchema);
		// Looked up before the write: an unknown group then fails without leaving a draft behind.
		const withGroup = includeGroupWanted(c, itemIndex, false);
		if (withGroup) await c.groups.get(body.groupId, itemIndex);
		const credential = await c.certifier.createCredential(body, itemIndex);
		return await outputCredential(c, credential, itemIndex, withGroup);
	}),
};

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
import { createIssueSendSchema } from '../../schemas';
import { includeGroupWanted, outputCredential, perCertifierItem } from '../item';
import { readCreateBody } from './input';

export const createIssueSend: Operation = {
	value: 'createIssueSend',
	name: 'Create, Issue and Send',
	action: 'Create, issue and send a credential',
	description: 'Create a credential, issue it and email it to the recipient in one call',
	properties: [
		groupLocator('The group (credential template) the credential belongs to'),
		recipientNameField(),
		recipientEmailField(true),
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
			options: [includeGroupOption(true)],
		},
	],
	execute: perCertifierItem(async (c, itemIndex) => {
		const body = readCreateBody(c, itemIndex, createIssueSendSchema);
		// Looked up before the write: an unknown group then fails before anything is emailed.
		const withGroup = includeGroupWanted(c, itemIndex, true);
		if (withGroup) await c.groups.get(body.groupId, itemIndex);
		const credential = await c.certifier.createIssueSend(body, itemIndex);
		return await outputCredential(c, credential, itemIndex, withGroup);
	}),
};

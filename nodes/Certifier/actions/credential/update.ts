import type { Operation } from '../../../common/operation';
import {
	credentialIdField,
	customAttributesField,
	expiryDateField,
	issueDateField,
} from '../../descriptions';
import { stringParam } from '../../params';
import { perCertifierItem, requireId } from '../item';
import { readUpdateBody } from './input';

export const update: Operation = {
	value: 'update',
	name: 'Update',
	action: 'Update a credential',
	description: "Change a credential's recipient, dates or custom attributes",
	properties: [
		credentialIdField,
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: [
				{
					displayName: 'Clear Expiry Date',
					name: 'clearExpiryDate',
					type: 'boolean',
					default: false,
					description: 'Whether to remove the expiry date so that the credential never expires',
				},
				customAttributesField,
				expiryDateField('New expiry day (only the date is used)'),
				issueDateField('New day of issue (only the date is used)'),
				{
					displayName: 'Recipient Email',
					name: 'recipientEmail',
					type: 'string',
					default: '',
					placeholder: 'name@email.com',
				},
				{
					displayName: 'Recipient Name',
					name: 'recipientName',
					type: 'string',
					default: '',
				},
			],
		},
	],
	execute: perCertifierItem(async (c, itemIndex) => {
		const id = requireId(
			c,
			stringParam(c.ctx, 'credentialId', itemIndex),
			itemIndex,
			'credential ID',
		);
		const body = readUpdateBody(c, itemIndex);
		return { ...(await c.certifier.updateCredential(id, body, itemIndex)) };
	}),
};

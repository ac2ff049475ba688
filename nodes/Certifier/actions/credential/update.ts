import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { readUpdateBody } from '../../helpers/credential-input';
import { asOutput } from '../../helpers/credential-output';
import {
	credentialLocator,
	customAttributesField,
	expiryDateField,
	issueDateField,
	simplifyProperty,
} from '../../helpers/fields';
import type { CertifierClient } from '../../transport';

export const update: Operation<CertifierClient> = {
	value: 'update',
	name: 'Update',
	action: 'Update a credential',
	description: "Change a credential's recipient, dates or custom attributes",
	properties: [
		credentialLocator,
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
		simplifyProperty,
	],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'credential update');
		const id = params.id('credentialId', 'credential ID');
		const body = readUpdateBody(params);
		return asOutput(params, { ...(await client.updateCredential(id, body, itemIndex)) });
	}),
};

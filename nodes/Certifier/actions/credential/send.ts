import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { asOutput } from '../../helpers/credential-output';
import { credentialLocator, simplifyProperty } from '../../helpers/fields';
import { sendable, writeOnce } from '../../helpers/reconcile';
import { sendCredentialSchema } from '../../schemas';
import type { CertifierClient } from '../../transport';

export const send: Operation<CertifierClient> = {
	value: 'send',
	name: 'Send',
	action: 'Send a credential',
	description: 'Email an issued credential to its recipient',
	properties: [
		credentialLocator,
		{
			displayName: 'Delivery Method',
			name: 'deliveryMethod',
			type: 'options',
			options: [{ name: 'Email', value: 'email' }],
			default: 'email',
			description: 'How Certifier delivers the credential',
		},
		simplifyProperty,
	],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'send request');
		const id = params.id('credentialId', 'credential ID');
		const { deliveryMethod } = params.validate(sendCredentialSchema, {
			deliveryMethod: params.text('deliveryMethod'),
		});
		const credential = await writeOnce(
			async () => await client.sendCredential(id, deliveryMethod, itemIndex),
			sendable(client, id, itemIndex),
		);
		return asOutput(params, { ...credential });
	}),
};

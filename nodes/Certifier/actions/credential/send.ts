import type { Operation } from '../../../common/operation';
import { validateInput } from '../../../common/validation';
import { credentialIdField } from '../../descriptions';
import { stringParam } from '../../params';
import { sendCredentialSchema } from '../../schemas';
import { perCertifierItem, requireId } from '../item';

export const send: Operation = {
	value: 'send',
	name: 'Send',
	action: 'Send a credential',
	description: 'Email an issued credential to its recipient',
	properties: [
		credentialIdField,
		{
			displayName: 'Delivery Method',
			name: 'deliveryMethod',
			type: 'options',
			options: [{ name: 'Email', value: 'email' }],
			default: 'email',
			description: 'How Certifier delivers the credential',
		},
	],
	execute: perCertifierItem(async (c, itemIndex) => {
		const id = requireId(
			c,
			stringParam(c.ctx, 'credentialId', itemIndex),
			itemIndex,
			'credential ID',
		);
		const { deliveryMethod } = validateInput(
			c.ctx.getNode(),
			sendCredentialSchema,
			{ deliveryMethod: stringParam(c.ctx, 'deliveryMethod', itemIndex) },
			itemIndex,
			'send request',
		);
		return { ...(await c.certifier.sendCredential(id, deliveryMethod, itemIndex)) };
	}),
};

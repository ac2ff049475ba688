import type { Operation } from '../../../common/operation';
import { credentialIdField, includeGroupOption } from '../../descriptions';
import { stringParam } from '../../params';
import { includeGroupWanted, outputCredential, perCertifierItem, requireId } from '../item';

export const get: Operation = {
	value: 'get',
	name: 'Get',
	action: 'Get a credential',
	description: 'Get a credential by its ID',
	properties: [
		credentialIdField,
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
		const id = requireId(
			c,
			stringParam(c.ctx, 'credentialId', itemIndex),
			itemIndex,
			'credential ID',
		);
		const credential = await c.certifier.getCredential(id, itemIndex);
		return await outputCredential(c, credential, itemIndex, includeGroupWanted(c, itemIndex, true));
	}),
};

import type { Operation } from '../../../common/operation';
import { credentialIdField } from '../../descriptions';
import { stringParam } from '../../params';
import { perCertifierItem, requireId } from '../item';

export const deleteCredential: Operation = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a credential',
	description: 'Delete a credential permanently',
	properties: [credentialIdField],
	execute: perCertifierItem(async (c, itemIndex) => {
		const id = requireId(
			c,
			stringParam(c.ctx, 'credentialId', itemIndex),
			itemIndex,
			'credential ID',
		);
		await c.certifier.deleteCredential(id, itemIndex);
		return { id, deleted: true };
	}),
};

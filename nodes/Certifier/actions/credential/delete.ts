import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { credentialLocator } from '../../helpers/fields';
import type { CertifierClient } from '../../transport';

const deleteOperation: Operation<CertifierClient> = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a credential',
	description: 'Delete a credential permanently',
	properties: [credentialLocator],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const id = new ItemParams(ctx, itemIndex, 'credential').id('credentialId', 'credential ID');
		await client.deleteCredential(id, itemIndex);
		return { id, deleted: true };
	}),
};

// `delete` is a reserved word: the operation is declared under another name and exported as its value.
export { deleteOperation as delete };

import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { groupLocator } from '../../helpers/fields';
import type { CertifierClient } from '../../transport';

const deleteOperation: Operation<CertifierClient> = {
	value: 'delete',
	name: 'Delete',
	action: 'Delete a group',
	description:
		'Delete a group permanently; Certifier refuses while credentials of the group still exist',
	properties: [groupLocator('The group to delete')],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const id = new ItemParams(ctx, itemIndex, 'group').id('group', 'group');
		await client.deleteGroup(id, itemIndex);
		return { id, deleted: true };
	}),
};

// `delete` is a reserved word: the operation is declared under another name and exported as its value.
export { deleteOperation as delete };

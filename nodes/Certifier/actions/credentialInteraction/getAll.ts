import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { returnAllProperties } from '../../../common/return-all';
import { optionalString } from '../../helpers/group-input';
import { collectPages, paginate, wantedCount } from '../../helpers/pagination';
import type { CertifierClient } from '../../transport';

export const getAll: Operation<CertifierClient> = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many credential interactions',
	description: 'List interaction events (views, shares, downloads, …), of one credential or all',
	properties: [
		...returnAllProperties(),
		{
			displayName: 'Filters',
			name: 'filters',
			type: 'collection',
			placeholder: 'Add Filter',
			default: {},
			options: [
				{
					displayName: 'Credential ID',
					name: 'credentialId',
					type: 'string',
					default: '',
					placeholder: '01hz2f0c9ryvzajg20jqh9taab',
					description: 'Only the interactions of this credential (its ID, not the public ID)',
				},
			],
		},
	],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'credential interaction list');
		const credentialId = optionalString(params.collection('filters'), 'credentialId')?.trim();
		const filter = credentialId ? { credentialId } : {};
		const pages = paginate(
			ctx.getNode(),
			(page) => client.listInteractions(page, filter, itemIndex),
			{ max: wantedCount(params) },
		);
		return await collectPages(pages);
	}),
};

import { eachItem } from '../../../common/items';
import { ItemParams } from '../../../common/item-params';
import type { Operation } from '../../../common/operation';
import { returnAllProperties } from '../../../common/return-all';
import { simplifyCredential, simplifyWanted } from '../../helpers/credential-output';
import { simplifyProperty } from '../../helpers/fields';
import { collectPages, paginate, wantedCount } from '../../helpers/pagination';
import type { CertifierClient } from '../../transport';

export const getAll: Operation<CertifierClient> = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many credentials',
	description: 'List credentials, newest first',
	properties: [...returnAllProperties(), simplifyProperty],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const params = new ItemParams(ctx, itemIndex, 'credential list');
		const pages = paginate(ctx.getNode(), (page) => client.listCredentials(page, itemIndex), {
			max: wantedCount(params),
		});
		const credentials = await collectPages(pages);
		return simplifyWanted(params) ? credentials.map(simplifyCredential) : credentials;
	}),
};

import { eachItem } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import { returnAllProperties } from '../../../common/return-all';
import { withoutSecret } from '../../helpers/webhook';
import type { SeekPassClient } from '../../transport';

export const getAll: Operation<SeekPassClient> = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many webhooks',
	description: 'List the registered webhooks (without their secrets)',
	properties: returnAllProperties(),
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const webhooks = await client.listWebhooks(itemIndex);
		const returnAll = ctx.getNodeParameter('returnAll', itemIndex, false) as boolean;
		// The list API has no paging [assumed]; the limit only trims what it returned.
		const limit = returnAll
			? webhooks.length
			: (ctx.getNodeParameter('limit', itemIndex, 50) as number);
		return webhooks.slice(0, limit).map(withoutSecret);
	}),
};

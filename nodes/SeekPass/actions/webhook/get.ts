import { ItemParams } from '../../../common/item-params';
import { eachItem } from '../../../common/items';
import type { Operation } from '../../../common/operation';
import { webhookIdProperty, webhookWhat, withoutSecret } from '../../helpers/webhook';
import type { SeekPassClient } from '../../transport';

export const get: Operation<SeekPassClient> = {
	value: 'get',
	name: 'Get',
	action: 'Get a webhook',
	description: 'Get a registered webhook (without its secret)',
	properties: [webhookIdProperty],
	execute: eachItem(async ({ ctx, client }, itemIndex) => {
		const id = new ItemParams(ctx, itemIndex, webhookWhat).id('webhookId', 'webhook ID');
		return withoutSecret(await client.getWebhook(id, itemIndex));
	}),
};

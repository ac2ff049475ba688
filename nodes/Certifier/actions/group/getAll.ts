import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../../common/operation';
import { returnAllProperties } from '../../../common/return-all';
import { paginate } from '../../pagination';
import { wantedCount } from '../../params';
import { perCertifierItem } from '../item';

export const getAllGroups: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many groups',
	description: 'List groups',
	properties: [...returnAllProperties()],
	execute: perCertifierItem(async (c, itemIndex) => {
		const out: IDataObject[] = [];
		const pages = paginate(c.ctx.getNode(), (page) => c.certifier.listGroups(page, itemIndex), {
			max: wantedCount(c.ctx, itemIndex),
		});
		for await (const page of pages) for (const group of page) out.push(group);
		return out;
	}),
};

import type { IDataObject } from 'n8n-workflow';
import type { Operation } from '../../../common/operation';
import { returnAllProperties } from '../../../common/return-all';
import { paginate } from '../../pagination';
import { wantedCount } from '../../params';
import { perCertifierItem } from '../item';

export const getAllDesigns: Operation = {
	value: 'getAll',
	name: 'Get Many',
	action: 'Get many designs',
	description: 'List certificate and badge designs',
	properties: [...returnAllProperties()],
	execute: perCertifierItem(async (c, itemIndex) => {
		const out: IDataObject[] = [];
		const pages = paginate(c.ctx.getNode(), (page) => c.certifier.listDesigns(page, itemIndex), {
			max: wantedCount(c.ctx, itemIndex),
		});
		for await (const page of pages) for (const design of page) out.push(design);
		return out;
	}),
};

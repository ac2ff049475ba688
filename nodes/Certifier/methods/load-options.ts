import type { ILoadOptionsFunctions, INodePropertyOptions } from 'n8n-workflow';
import { connect, EDITOR_CLIENT_OPTIONS } from '../../common/transport/connect';
import { CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX, CERTIFIER_MAX_PAGE_SIZE } from '../constants';
import { paginate } from '../helpers/pagination';
import { CERTIFIER_SERVICE } from '../transport';

/** Custom attributes only: the built-in ones (recipient.name, …) are filled by Certifier itself. */
export async function getCustomAttributes(
	this: ILoadOptionsFunctions,
): Promise<INodePropertyOptions[]> {
	const client = await connect(this, CERTIFIER_SERVICE, EDITOR_CLIENT_OPTIONS);
	const attributes = await client.listAttributes();
	return attributes
		.filter((a) => String(a.tag).startsWith(CERTIFIER_CUSTOM_ATTRIBUTE_PREFIX))
		.map((a) => ({ name: a.name ? `${a.name} (${a.tag})` : a.tag, value: a.tag }))
		.sort((a, b) => a.name.localeCompare(b.name));
}

/** Every design, for the multi-selects (designs are few; the list search covers single picks). */
export async function getDesigns(this: ILoadOptionsFunctions): Promise<INodePropertyOptions[]> {
	const client = await connect(this, CERTIFIER_SERVICE, EDITOR_CLIENT_OPTIONS);
	const options: INodePropertyOptions[] = [];
	for await (const page of paginate(this.getNode(), (p) => client.listDesigns(p), {
		pageSize: CERTIFIER_MAX_PAGE_SIZE,
	})) {
		for (const design of page) {
			options.push({
				name: String(design.name ?? design.id),
				value: design.id,
				description: design.id,
			});
		}
	}
	return options.sort((a, b) => a.name.localeCompare(b.name));
}

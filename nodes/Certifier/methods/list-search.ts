import type {
	ILoadOptionsFunctions,
	INodeListSearchItems,
	INodeListSearchResult,
} from 'n8n-workflow';
import { connect, EDITOR_CLIENT_OPTIONS } from '../../common/transport/connect';
import { CERTIFIER_MAX_PAGE_SIZE, CERTIFIER_URLS } from '../constants';
import { CERTIFIER_SERVICE, type CertifierPage } from '../transport';

function matches(name: string, filter?: string): boolean {
	return !filter || name.toLowerCase().includes(filter.trim().toLowerCase());
}

/**
 * One page of Certifier's list per call, filtered by name here (the list endpoints take no search
 * term); n8n asks for the next page with the cursor handed back as paginationToken.
 */
function toResult<T extends { id: string; name: string }>(
	page: CertifierPage<T>,
	filter: string | undefined,
	url: (id: string) => string,
): INodeListSearchResult {
	const results: INodeListSearchItems[] = (page.data ?? [])
		.filter((entry) => matches(String(entry.name ?? ''), filter))
		.map((entry) => ({
			name: String(entry.name ?? entry.id),
			value: entry.id,
			url: url(entry.id),
		}));
	return { results, paginationToken: page.pagination?.next ?? undefined };
}

export async function searchGroups(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await connect(this, CERTIFIER_SERVICE, EDITOR_CLIENT_OPTIONS);
	const page = await client.listGroups({ cursor: paginationToken, limit: CERTIFIER_MAX_PAGE_SIZE });
	return toResult(page, filter, CERTIFIER_URLS.group);
}

export async function searchDesigns(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await connect(this, CERTIFIER_SERVICE, EDITOR_CLIENT_OPTIONS);
	const page = await client.listDesigns({
		cursor: paginationToken,
		limit: CERTIFIER_MAX_PAGE_SIZE,
	});
	return toResult(page, filter, CERTIFIER_URLS.design);
}

/**
 * Credentials by recipient: Certifier's search with the typed text matched against the
 * recipient's name or email, newest first, one page per call.
 */
export async function searchCredentials(
	this: ILoadOptionsFunctions,
	filter?: string,
	paginationToken?: string,
): Promise<INodeListSearchResult> {
	const client = await connect(this, CERTIFIER_SERVICE, EDITOR_CLIENT_OPTIONS);
	const text = filter?.trim();
	const page = await client.searchCredentials({
		...(text
			? {
					filter: {
						OR: [
							{ recipient: { name: { contains: text } } },
							{ recipient: { email: { contains: text } } },
						],
					},
				}
			: {}),
		sort: { property: 'createdAt', order: 'desc' },
		limit: CERTIFIER_MAX_PAGE_SIZE,
		...(paginationToken ? { cursor: paginationToken } : {}),
	});
	const results: INodeListSearchItems[] = (page.data ?? []).map((credential) => {
		const recipient = credential.recipient ?? { name: '' };
		const who = recipient.email ? `${recipient.name} <${recipient.email}>` : recipient.name;
		return {
			name: `${who || credential.id} (${credential.status})`,
			value: credential.id,
			url: CERTIFIER_URLS.credential(credential.id),
		};
	});
	return { results, paginationToken: page.pagination?.next ?? undefined };
}

// Cursor pagination as the operations use it: pages of at most 100, Limit honoured with the
// smallest last page, Return All until no next cursor, and a repeated cursor stopped.
import type { INode } from 'n8n-workflow';
import { paginate } from '../../../../nodes/Certifier/helpers/pagination';
import type { CertifierPage, PageRequest } from '../../../../nodes/Certifier/transport';

const node: INode = {
	id: '1',
	name: 'Certifier',
	type: 'certifier',
	typeVersion: 1,
	position: [0, 0],
	parameters: {},
};

function server(total: number) {
	const requests: PageRequest[] = [];
	const fetchPage = async (page: PageRequest): Promise<CertifierPage<number>> => {
		requests.push(page);
		const start = page.cursor ? Number(page.cursor) : 0;
		const data = Array.from(
			{ length: Math.max(0, Math.min(page.limit, total - start)) },
			(_, i) => start + i,
		);
		const end = start + data.length;
		return { data, pagination: { prev: null, next: end < total ? String(end) : null } };
	};
	return { requests, fetchPage };
}

async function collect(iterable: AsyncIterable<number[]>): Promise<number[][]> {
	const pages: number[][] = [];
	for await (const page of iterable) pages.push(page);
	return pages;
}

test('Return All over 2,500 items: 25 requests of 100, every item once, in order', async () => {
	const s = server(2500);
	const pages = await collect(paginate(node, s.fetchPage));
	expect(s.requests).toHaveLength(25);
	expect(s.requests.every((r) => r.limit === 100)).toBe(true);
	expect(pages.flat()).toEqual(Array.from({ length: 2500 }, (_, i) => i));
});

test('Limit 250 asks for 100, 100, 50 and stops', async () => {
	const s = server(2500);
	const pages = await collect(paginate(node, s.fetchPage, { max: 250 }));
	expect(s.requests.map((r) => r.limit)).toEqual([100, 100, 50]);
	expect(pages.flat()).toHaveLength(250);
});

test('Limit 5 is one request for 5', async () => {
	const s = server(2500);
	expect((await collect(paginate(node, s.fetchPage, { max: 5 }))).flat()).toEqual([0, 1, 2, 3, 4]);
	expect(s.requests).toEqual([{ cursor: undefined, limit: 5 }]);
});

test('an empty list is one request and no page', async () => {
	const s = server(0);
	expect(await collect(paginate(node, s.fetchPage))).toEqual([]);
	expect(s.requests).toHaveLength(1);
});

test('a server that repeats a cursor is stopped with an error, not looped on', async () => {
	const fetchPage = async (): Promise<CertifierPage<number>> => ({
		data: [1],
		pagination: { prev: null, next: 'same' },
	});
	await expect(collect(paginate(node, fetchPage))).rejects.toThrow('same page cursor twice');
});

// n8n Data Tables through the editor's REST API, as a person (or a setup script) creates and
// fills them: tables belong to a project, here the owner's personal project. The shipped
// workflows find their table by name, so importing them needs no table id.
import type { N8nInstance } from './n8n-instance.cjs';

export type DataTableColumnType = 'string' | 'number' | 'boolean' | 'date';
export type DataTableValue = string | number | boolean | null;
export type DataTableRow = Record<string, DataTableValue> & { id: number };

/**
 * The table the issue and sweep workflows share (workflows/issue-resume-wallet.json writes a row,
 * workflows/seek-pass-status-sweep.json keeps it up to date). README.md lists the same columns.
 */
export const SUBMISSIONS_TABLE = {
	name: 'SEEK Pass submissions',
	columns: [
		{ name: 'submissionId', type: 'string' },
		{ name: 'holderName', type: 'string' },
		{ name: 'holderEmail', type: 'string' },
		{ name: 'seekPassLink', type: 'string' },
		{ name: 'smartResumeLink', type: 'string' },
		{ name: 'status', type: 'string' },
		{ name: 'sentAt', type: 'date' },
		{ name: 'checkedAt', type: 'date' },
		{ name: 'remindedAt', type: 'date' },
		{ name: 'notifiedAt', type: 'date' },
	] as Array<{ name: string; type: DataTableColumnType }>,
};

/** n8n's page size limit for listing rows. */
const PAGE = 250;

export class DataTables {
	private projectId?: string;

	constructor(private readonly n8n: N8nInstance) {}

	/** The owner's personal project, where the editor creates tables by default. */
	async project(): Promise<string> {
		this.projectId ??= (await this.n8n.rest<{ id: string }>('GET', '/projects/personal')).id;
		return this.projectId;
	}

	async create(
		name: string,
		columns: Array<{ name: string; type: DataTableColumnType }>,
	): Promise<string> {
		const created = await this.n8n.rest<{ id: string }>(
			'POST',
			`/projects/${await this.project()}/data-tables`,
			{ name, columns },
		);
		return created.id;
	}

	async remove(tableId: string): Promise<void> {
		await this.n8n.rest('DELETE', `/projects/${await this.project()}/data-tables/${tableId}`);
	}

	/** Appends rows (dates as ISO strings), in requests of 500. */
	async insert(tableId: string, rows: Array<Record<string, DataTableValue>>): Promise<void> {
		for (let i = 0; i < rows.length; i += 500) {
			await this.n8n.rest(
				'POST',
				`/projects/${await this.project()}/data-tables/${tableId}/insert`,
				{
					data: rows.slice(i, i + 500),
					returnType: 'count',
				},
			);
		}
	}

	/** Every row, oldest first. */
	async rows(tableId: string): Promise<DataTableRow[]> {
		const all: DataTableRow[] = [];
		for (;;) {
			const page = await this.n8n.rest<{ count: number; data: DataTableRow[] }>(
				'GET',
				`/projects/${await this.project()}/data-tables/${tableId}/rows?skip=${all.length}&take=${PAGE}&sortBy=id:asc`,
			);
			all.push(...page.data);
			if (page.data.length === 0 || all.length >= page.count) return all;
		}
	}
}

// A person at the n8n editor, as playwright-core drives it: every field is found by the label
// the person reads, and every action they take is counted (nodes added, fields filled,
// characters typed, of which JSON), so the README's effort table comes from what was done.
import type { Locator, Page } from 'playwright-core';

export interface Effort {
	/** Nodes added from the nodes panel. */
	nodes: number;
	/** Fields set: typed, chosen from a list, switched, or a node renamed. */
	fields: number;
	/** Characters typed into fields, expressions and JSON included. */
	characters: number;
	/** Of those, characters of JSON (request bodies). */
	jsonCharacters: number;
}

export const noEffort = (): Effort => ({ nodes: 0, fields: 0, characters: 0, jsonCharacters: 0 });

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A parameter's label, optionally starred as required, followed by its Fixed/Expression switch. */
const labelled = (label: string) => new RegExp(`^\\s*${escape(label)}\\s*\\*?\\s*(Fixed|$)`);

export class Editor {
	effort: Effort = noEffort();

	constructor(
		readonly page: Page,
		readonly baseUrl: string,
	) {}

	/** Counts what follows into `effort` (e.g. one per compared flow). */
	countInto(effort: Effort): void {
		this.effort = effort;
	}

	private typed(value: string, json = false): void {
		this.effort.fields += 1;
		this.effort.characters += value.length;
		if (json) this.effort.jsonCharacters += value.length;
	}

	// --- credentials -------------------------------------------------------------------------

	get credentialModal(): Locator {
		return this.page.getByTestId('editCredential-modal');
	}

	/** Opens "Create credential", finds the type by searching as a person types its name. */
	async newCredential(search: string, typeName: string): Promise<void> {
		await this.page.goto(`${this.baseUrl}/home/credentials/create`);
		const chooser = this.page.getByTestId('selectCredential-modal');
		await chooser.getByTestId('new-credential-type-select').click();
		await this.page.keyboard.type(search);
		await this.page.getByRole('option', { name: typeName, exact: true }).click();
		await chooser.getByTestId('new-credential-type-button').click();
		await this.credentialModal.getByTestId('credential-save-button').waitFor();
	}

	private credentialField(label: string): Locator {
		return this.credentialModal
			.getByTestId('credential-connection-parameter')
			.filter({ has: this.page.locator('label', { hasText: labelled(label) }) });
	}

	async credentialType(label: string, value: string): Promise<void> {
		await this.credentialField(label).locator('input, textarea').first().fill(value);
		this.typed(value);
	}

	async credentialChoose(label: string, option: RegExp): Promise<void> {
		await this.credentialField(label).locator('input').first().click();
		await this.page.getByRole('option', { name: option }).click();
		this.effort.fields += 1;
	}

	async credentialSwitch(label: string): Promise<void> {
		await this.credentialField(label).locator('.el-switch').click();
		this.effort.fields += 1;
	}

	/**
	 * Saves; n8n then tests the connection. Returns the banner a person reads: the success text,
	 * or the failure with its details opened.
	 */
	async saveCredential(): Promise<{ ok: boolean; text: string }> {
		const tested = this.page.waitForResponse(
			(r) => r.url().endsWith('/rest/credentials/test') && r.request().method() === 'POST',
		);
		await this.credentialModal.getByTestId('credential-save-button').click();
		await tested;
		const ok = this.credentialModal.getByText('Connection tested successfully');
		const failed = this.credentialModal.getByText('Couldn’t connect with these settings');
		await ok.or(failed).first().waitFor();
		if (await ok.isVisible()) return { ok: true, text: (await ok.innerText()).trim() };
		const details = this.credentialModal.getByText('More details');
		if (await details.isVisible()) await details.click();
		const dialog = this.credentialModal.getByTestId('credential-edit-dialog');
		return { ok: false, text: await dialog.innerText() };
	}

	/**
	 * Names the credential in the modal's title. n8n calls every new generic credential
	 * "Unnamed credential", so a person with two OAuth2 credentials must name them to tell them
	 * apart in the node's list.
	 */
	async nameCredential(name: string): Promise<void> {
		const title = this.credentialModal.getByTestId('credential-name');
		await title.click();
		await title.locator('input').first().fill(name);
		await this.page.keyboard.press('Enter');
		await title.getByTestId('inline-edit-preview').filter({ hasText: name }).waitFor();
		this.typed(name);
	}

	/**
	 * Saves a credential n8n has no test for (the generic ones): the person sees no verdict, only
	 * that it was saved. Returns the name n8n gave it, which the node's credential list shows.
	 */
	async saveUntestedCredential(): Promise<string> {
		const saved = this.page.waitForResponse(
			(r) =>
				/\/rest\/credentials(\/(?!test$)[^/]+)?$/.test(new URL(r.url()).pathname) &&
				['POST', 'PATCH'].includes(r.request().method()),
		);
		await this.credentialModal.getByTestId('credential-save-button').click();
		const response = await saved;
		if (!response.ok()) throw new Error(`saving the credential: HTTP ${response.status()}`);
		return (await this.credentialModal.getByTestId('credential-name').innerText()).trim();
	}

	async closeCredential(): Promise<void> {
		await this.page.keyboard.press('Escape');
		await this.credentialModal.waitFor({ state: 'hidden' });
	}

	// --- canvas ------------------------------------------------------------------------------

	node(name: string): Locator {
		return this.page.locator(`[data-test-id="canvas-node"][data-node-name="${name}"]`);
	}

	async newWorkflow(): Promise<void> {
		await this.page.goto(`${this.baseUrl}/workflow/new`);
		await this.page.getByTestId('canvas-add-button').waitFor();
	}

	/**
	 * Adds a node as a person does: from the empty canvas's button or the previous node's "+",
	 * searching the nodes panel, opening the service and choosing the action by its name.
	 */
	async addNode(opts: { after?: string; search: string; item: string; action?: string }) {
		if (opts.after) {
			await this.fit();
			await this.node(opts.after).getByTestId('canvas-handle-plus').click();
		} else {
			await this.page.getByTestId('canvas-add-button').click();
		}
		const creator = this.page.getByTestId('node-creator');
		await creator.getByTestId('node-creator-search-bar').fill(opts.search);
		await creator
			.getByTestId('node-creator-item-name')
			.filter({ hasText: new RegExp(`^\\s*${escape(opts.item)}\\s*$`) })
			.first()
			.click();
		if (opts.action) await creator.getByText(opts.action, { exact: true }).click();
		this.effort.nodes += 1;
		this.effort.characters += opts.search.length;
		if (opts.action) await this.ndv.getByTestId('node-parameters').waitFor();
	}

	/** Tidies the canvas and fits it in the window (what the "1" key does), so every node is in reach. */
	async fit(): Promise<void> {
		await this.page.getByTestId('zoom-to-fit').click();
		await this.page.waitForTimeout(400); // the zoom animation
	}

	async tidy(): Promise<void> {
		await this.page.getByTestId('tidy-up-button').click();
		await this.fit();
	}

	// --- the node's panel (NDV) ----------------------------------------------------------------

	get ndv(): Locator {
		return this.page.getByTestId('ndv');
	}

	async open(name: string): Promise<void> {
		if (await this.ndv.isVisible()) await this.closeNdv();
		await this.fit();
		await this.node(name).dblclick();
		await this.ndv.getByTestId('node-parameters').waitFor();
	}

	async closeNdv(): Promise<void> {
		await this.ndv.getByTestId('ndv-close-button').click();
		await this.ndv.waitFor({ state: 'hidden' });
	}

	async rename(name: string): Promise<void> {
		const title = this.ndv.getByTestId('node-title-container');
		await title.getByTestId('inline-edit-preview').click();
		await title.locator('input').fill(name);
		await this.page.keyboard.press('Enter');
		await title.getByTestId('inline-edit-preview').getByText(name, { exact: true }).waitFor();
		this.typed(name);
	}

	parameter(label: string): Locator {
		return this.ndv
			.getByTestId('parameter-item')
			.filter({ has: this.page.getByTestId('input-label').filter({ hasText: labelled(label) }) });
	}

	/** Types a value; one that contains `{{ … }}` turns the field into an expression, as in n8n. */
	async type(label: string, value: string, opts: { json?: boolean } = {}): Promise<void> {
		await this.parameter(label)
			.locator('[data-test-id="parameter-input-field"], textarea, [contenteditable="true"]')
			.first()
			.fill(value);
		this.typed(value, opts.json);
	}

	/** A field inside a collection (a header's Name or Value): the innermost item of that label. */
	async typeInCollection(label: string, value: string): Promise<void> {
		await this.parameter(label)
			.last()
			.locator('[data-test-id="parameter-input-field"], textarea, [contenteditable="true"]')
			.first()
			.fill(value);
		this.typed(value);
	}

	async switchOn(label: string): Promise<void> {
		await this.parameter(label).locator('.el-switch, [role="switch"]').first().click();
		this.effort.fields += 1;
	}

	/**
	 * Picks the node's credential by name, counted only when n8n had not already selected it (as
	 * it does when only one credential of the type exists).
	 */
	async chooseCredential(name: string): Promise<void> {
		const select = this.ndv
			.getByTestId('node-credentials-select')
			.or(this.ndv.getByTestId('node-credentials-empty-state'))
			.first();
		const input = select.locator('input').first();
		await input.waitFor();
		if ((await input.inputValue()) === name) return;
		await input.click();
		// n8n lists credentials in a dropdown outside the panel; items carry the name as text.
		await this.page
			.locator('[data-test-id^="node-credentials-select-item"], .el-select-dropdown__item')
			.filter({ hasText: name })
			.first()
			.click();
		// The list re-renders once a credential is chosen: read the field afresh until it shows it.
		const deadline = Date.now() + 5_000;
		while ((await input.inputValue()) !== name) {
			if (Date.now() > deadline) throw new Error(`credential "${name}" was not selected`);
			await this.page.waitForTimeout(100);
		}
		this.effort.fields += 1;
	}

	async choose(label: string, option: string | RegExp): Promise<void> {
		await this.parameter(label).getByTestId('parameter-input').click();
		await this.page
			.getByRole('option', {
				name: typeof option === 'string' ? new RegExp(`^${escape(option)}`) : option,
			})
			.first()
			.click();
		this.effort.fields += 1;
	}

	/** A resource locator's "From list" mode: opens the list (loaded from the service) and picks. */
	async pickFromList(label: string, entry: string): Promise<string[]> {
		await this.parameter(label).getByTestId('rlc-input').click();
		const items = this.page.getByTestId('rlc-item');
		await items.first().waitFor();
		const offered = await items.allInnerTexts();
		await items.filter({ hasText: entry }).first().click();
		this.effort.fields += 1;
		return offered.map((s) => s.trim());
	}

	/** The evaluated preview n8n shows under an expression field. */
	async preview(label: string): Promise<string> {
		return (await this.parameter(label).innerText()).trim();
	}

	get output(): Locator {
		return this.ndv.getByTestId('output-panel');
	}

	/** Switches the output panel to its JSON view and returns what it shows. */
	async outputJson(): Promise<string> {
		await this.output.getByText('JSON', { exact: true }).click();
		// The JSON view renders a moment after the switch: read until it shows JSON keys. It wraps
		// long values onto lines of their own: one space, as it reads.
		const deadline = Date.now() + 10_000;
		let text = '';
		do {
			text = (await this.output.innerText()).replace(/\s+/g, ' ');
			if (/"\w+": /.test(text)) break;
			await this.page.waitForTimeout(200);
		} while (Date.now() < deadline);
		return text;
	}
}

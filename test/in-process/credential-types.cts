// The credential types the harness knows, and the two questions n8n asks about them:
// which types a type extends (n8n-core picks the OAuth2 request path only when
// `oAuth2Api` is among them) and which properties it ends up with after `extends`.
import { NodeHelpers } from 'n8n-workflow';
import type { ICredentialType, INodeProperties } from 'n8n-workflow';

// n8n stores the OAuth token next to the fields of these two roots without declaring it
// as a property; it has to be declared here or applying defaults would drop it.
const OAUTH_ROOTS = ['oAuth1Api', 'oAuth2Api'];
const oauthTokenDataProperty: INodeProperties = {
	displayName: 'oauthTokenData',
	name: 'oauthTokenData',
	type: 'json',
	default: {},
};

// Deeper chains are a mistake in a credential definition; stop instead of recursing forever.
const MAX_EXTENDS_DEPTH = 10;

export class CredentialTypeRegistry {
	private readonly types = new Map<string, ICredentialType>();

	constructor(types: ICredentialType[]) {
		for (const type of types) this.types.set(type.name, type);
	}

	has(name: string): boolean {
		return this.types.has(name);
	}

	get(name: string): ICredentialType {
		const type = this.types.get(name);
		if (!type) throw new Error(`In-process n8n: unknown credential type "${name}"`);
		return type;
	}

	parentTypes(name: string, depth = 0): string[] {
		if (depth > MAX_EXTENDS_DEPTH)
			throw new Error(`In-process n8n: "extends" too deep at "${name}"`);
		const parents: string[] = [];
		for (const parent of this.get(name).extends ?? []) {
			parents.push(parent, ...this.parentTypes(parent, depth + 1));
		}
		return parents;
	}

	properties(name: string, depth = 0): INodeProperties[] {
		if (depth > MAX_EXTENDS_DEPTH)
			throw new Error(`In-process n8n: "extends" too deep at "${name}"`);
		const type = this.get(name);
		if (!type.extends) {
			return OAUTH_ROOTS.includes(name)
				? [...type.properties, oauthTokenDataProperty]
				: type.properties;
		}
		// Parents first, own properties last: a credential overrides what it inherits.
		// mergeNodeProperties is n8n's own merge, which also honours `doNotInherit`.
		const merged: INodeProperties[] = [];
		for (const parent of type.extends) {
			NodeHelpers.mergeNodeProperties(merged, this.properties(parent, depth + 1));
		}
		NodeHelpers.mergeNodeProperties(merged, type.properties);
		return merged;
	}
}

// credential:addBatch fixtures shared by the conformance suite (§6) and the integration tests:
// the node reading each credential, and its type, from its input item (one node mixes types),
// the fields SEEK Pass receives for such an item, and two people's items.
import type { INodeParameters } from 'n8n-workflow';

/** Every type's fields, the person and the type from the item's json. */
export const batchFromItems: INodeParameters = {
	resource: 'credential',
	operation: 'addBatch',
	batchSource: 'items',
	batchCredentialType: '={{ $json.type }}',
	personKey: '={{ $json.email }}',
	full_name: '={{ $json.name }}',
	education_provider: '={{ $json.provider }}',
	course_name: '={{ $json.course }}',
	conferral_year: '={{ $json.year }}',
	issuer_name: '={{ $json.issuer }}',
	microcredential_name: '={{ $json.badge }}',
	issue_date: '={{ $json.issued }}',
	identity_document_validity: 'manual',
	identity_document_liveness: 'automated',
	identity_document_person_match: 'automated',
};

// The fields of each type as batchFromItems reads them from an item.
export const identityFieldsOf = (full_name: string, identity_document_validity: string) => ({
	full_name,
	identity_document_validity,
	identity_document_liveness: 'automated',
	identity_document_person_match: 'automated',
});
export const degreeFieldsOf = (
	full_name: string,
	item: { provider: string; course: string; year: string },
) => ({
	full_name,
	education_provider: item.provider,
	course_name: item.course,
	conferral_year: item.year,
});
export const badgeFieldsOf = (
	full_name: string,
	item: { issuer: string; badge: string; issued: string },
) => ({
	full_name,
	issuer_name: item.issuer,
	microcredential_name: item.badge,
	issue_date: item.issued,
});

export const ann = 'ann@example.com';
const bob = 'bob@example.com';
export const annDegree = {
	type: 'education',
	email: ann,
	name: 'Ann Lee',
	provider: 'Uni',
	course: 'BSc',
	year: '2023',
};
export const annBadge = {
	type: 'microcredential',
	email: ann,
	name: 'Ann Lee',
	issuer: 'Acme',
	badge: 'Excel',
	issued: '2024-03-01',
};
export const bobIdentity = { type: 'digital_identity', email: bob, name: 'Bob Ray' };

export const annDegreeFields = degreeFieldsOf(annDegree.name, annDegree);
export const annBadgeFields = badgeFieldsOf(annBadge.name, annBadge);
export const bobIdentityFields = identityFieldsOf(bobIdentity.name, 'manual');

// What a person types to build the flagship flow without this package: n8n's generic
// credentials and one HTTP Request node per call, each body a JSON document with expressions
// mapping the Certifier step. The values are those bench/ops.cts sends (the vendors' documented
// requests); the bodies hold what each vendor requires plus the email and the dates, written
// without indentation (the fewest characters that make the same JSON).
import type { Sandbox } from '../../../sandbox/index.cjs';

/** The Certifier step's output, as the later nodes' expressions reach it. */
export const CERT = "$('Issue certificate').item.json";
const SEEK_PASS_ADD = "$('Add to SEEK Pass').item.json";
const OB3_CONTEXT = [
	'https://www.w3.org/ns/credentials/v2',
	'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
	'https://w3id.org/security/suites/ed25519-2020/v1',
];

export interface HttpCall {
	method: 'GET' | 'POST';
	url: string;
	/** Headers the node sends beside the credential's. */
	headers?: Record<string, string>;
	/** The JSON body as typed into the node's JSON field. */
	json?: string;
}

export function genericCredentials(sb: Sandbox) {
	return {
		certifier: { name: 'Authorization', value: `Bearer ${sb.demo.certifier.accessToken}` },
		smartResume: {
			accessTokenUrl: `${sb.urls.smartResume}/api/v1/token`,
			clientId: sb.demo.smartResume.clientId,
			clientSecret: sb.demo.smartResume.accessKey,
			// As in the vendor's token example; its client id and key go in a Basic header (n8n's default).
			scope: 'delete readonly replace',
		},
		seekPass: {
			accessTokenUrl: `${sb.urls.seekPass}/api/partner/v1/oauth/token.json`,
			clientId: sb.demo.seekPass.clientId,
			clientSecret: sb.demo.seekPass.clientSecret,
			// The add endpoint's scope; the client id and secret go in the form body.
			scope: 'write.microcredential',
		},
	};
}

export interface FlowValues {
	/** The Certifier group's id, as Certifier's dashboard shows it (no list to pick from). */
	groupId: string;
	/** Its name, typed where the vendors want the course's name (the raw answer has only the id). */
	course: string;
	holder: { name: string; email: string };
	issuer: { id: string; name: string };
}

/** The four calls the flagship flow makes. */
export function httpCalls(sb: Sandbox, { groupId, course, holder, issuer }: FlowValues) {
	const expr = (path: string) => `{{ ${CERT}.${path} }}`;
	const certifier: HttpCall = {
		method: 'POST',
		url: `${sb.urls.certifier}/credentials/create-issue-send`,
		headers: { 'Certifier-Version': sb.demo.certifier.version },
		json: JSON.stringify({ groupId, recipient: holder }),
	};
	const smartResume: HttpCall = {
		method: 'POST',
		url: `${sb.urls.smartResume}/api/v1/credentials`,
		json: JSON.stringify({
			'@context': OB3_CONTEXT,
			recipient: { id: expr('recipient.id'), email: expr('recipient.email') },
			credentials: [
				{
					'@context': OB3_CONTEXT,
					id: expr('id'),
					type: ['VerifiableCredential', 'OpenBadgeCredential'],
					name: course,
					issuanceDate: `${expr('issueDate')}T00:00:00Z`,
					expirationDate: `${expr('expiryDate')}T00:00:00Z`,
					credentialSubject: {
						id: expr('recipient.id'),
						type: ['AchievementSubject'],
						achievement: { id: expr('groupId'), achievementType: 'Certificate', name: course },
					},
					issuer,
				},
			],
		}),
	};
	const seekPass: HttpCall = {
		method: 'POST',
		url: `${sb.urls.seekPass}/api/partner/v2/add/requests/microcredential.json`,
		json: JSON.stringify({
			credential_id: `demo-${expr('id')}`,
			fields: {
				full_name: expr('recipient.name'),
				issuer_name: issuer.name,
				microcredential_name: course,
				issue_date: expr('issueDate'),
			},
		}),
	};
	const status: HttpCall = {
		method: 'GET',
		url: `${sb.urls.seekPass}/api/partner/v1/submissions/{{ ${SEEK_PASS_ADD}.credential_id }}/status.json`,
	};
	return { certifier, smartResume, seekPass, status };
}

// The four operations the bench drives: this package's node, the HTTP Request node doing the same
// requests as a user would set it up, and how to read the sandbox's view of the result.
import type { LoggedRequest, Sandbox, ServiceName } from '../sandbox/index.cjs';
import type { WorkflowNode } from '../real-n8n/index.cjs';
import type { Op, Variant } from './matrix.cjs';

export const PACKAGE = 'n8n-nodes-career-credentials';
export const CERTIFIER_GROUP = '01g90279gp5sbmfek7wymcsvec';
const OB3_CONTEXT = [
	'https://www.w3.org/ns/credentials/v2',
	'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
	'https://w3id.org/security/suites/ed25519-2020/v1',
];
const SMART_RESUME_SCOPE = 'delete readonly replace';
const SEEK_PASS_SCOPE =
	'write.education write.english_proficiency write.microcredential write.digital_identity read.digital_identity';

export interface CredentialSpec {
	type: string;
	data: Record<string, unknown>;
}

export interface OpDefinition {
	service: ServiceName;
	/** Our node: type name (without package prefix) and parameters reading the generated items. */
	ours: { type: string; credential: CredentialSpec; parameters: Record<string, unknown> };
	/** The HTTP Request node's request, credential and any fixed headers. */
	http: {
		method: 'GET' | 'POST';
		url: string;
		credential: CredentialSpec;
		headers?: Record<string, string>;
		jsonBody?: string;
	};
	/** The same request for a raw load generator; `[<id>]` is replaced by a unique id per request. */
	raw: { method: 'GET' | 'POST'; path: string; contentType?: string; body?: string };
	isWrite(e: Pick<LoggedRequest, 'method' | 'path'>): boolean;
}

const credentialsOf = (sb: Sandbox) => ({
	certifier: {
		type: 'certifierApi',
		data: {
			accessToken: sb.demo.certifier.accessToken,
			apiVersion: sb.demo.certifier.version,
			baseUrl: sb.urls.certifier,
		},
	},
	smartResume: {
		type: 'smartResumeOAuth2Api',
		data: {
			environment: 'custom',
			customBaseUrl: sb.urls.smartResume,
			clientId: sb.demo.smartResume.clientId,
			clientSecret: sb.demo.smartResume.accessKey,
		},
	},
	seekPass: {
		type: 'seekPassOAuth2Api',
		data: {
			environment: 'custom',
			customBaseUrl: sb.urls.seekPass,
			clientId: sb.demo.seekPass.clientId,
			clientSecret: sb.demo.seekPass.clientSecret,
		},
	},
});

/** n8n's generic credentials, set up as a user would to reach the same APIs with the HTTP Request node. */
const genericCredentialsOf = (sb: Sandbox) => ({
	certifier: {
		type: 'httpHeaderAuth',
		data: { name: 'Authorization', value: `Bearer ${sb.demo.certifier.accessToken}` },
	},
	smartResume: {
		type: 'oAuth2Api',
		data: {
			grantType: 'clientCredentials',
			accessTokenUrl: `${sb.urls.smartResume}/api/v1/token`,
			clientId: sb.demo.smartResume.clientId,
			clientSecret: sb.demo.smartResume.accessKey,
			scope: SMART_RESUME_SCOPE,
			authQueryParameters: '',
			authentication: 'header',
		},
	},
	seekPass: {
		type: 'oAuth2Api',
		data: {
			grantType: 'clientCredentials',
			accessTokenUrl: `${sb.urls.seekPass}/api/partner/v1/oauth/token.json`,
			clientId: sb.demo.seekPass.clientId,
			clientSecret: sb.demo.seekPass.clientSecret,
			scope: SEEK_PASS_SCOPE,
			authQueryParameters: '',
			authentication: 'body',
		},
	},
});

/** The OB 3.0 body our SmartResume node builds from its fields, as one JS expression over `r` (recipient/assertion id) and `e` (email). */
function smartResumeBody(r: string, e: string): string {
	return `{ '@context': ${JSON.stringify(OB3_CONTEXT)}, recipienttoken: '', recipient: { id: ${r}, givenName: '', familyName: '', additionalName: '', email: ${e}, phone: '', studentId: '', signupOrganization: '' }, credentials: [{ '@context': ${JSON.stringify(OB3_CONTEXT)}, id: ${r}, type: ['VerifiableCredential', 'OpenBadgeCredential'], name: 'Benchmarking 101', awardedDate: '', activityEndDate: '', issuedOn: '', issuanceDate: '', expirationDate: '', credentialSubject: { id: ${r}, type: ['AchievementSubject'], achievement: { id: 'course-1', achievementType: 'Course', name: 'Benchmarking 101', description: '', image: { id: '' } } }, issuer: { id: 'issuer-1', name: 'Institution X', email: '', url: '', image: { id: '' }, description: '' } }] }`;
}

const seekPassAddBody = (id: string, name: string) =>
	`{ id: ${id}, document_type: 'none', credential_type: 'microcredential', data: { credential: { full_name: ${name}, issuer_name: 'Acme Training', microcredential_name: 'Benchmarking', issue_date: '2026-03-01' } } }`;

/** JS object literal → JSON text for the raw load generator (the literals above are valid JS, eval-free conversion). */
function literalToJson(literal: string): string {
	// eslint-disable-next-line @typescript-eslint/no-implied-eval
	return JSON.stringify(new Function(`return (${literal});`)());
}

export function opDefinition(op: Op, sb: Sandbox): OpDefinition {
	const ours = credentialsOf(sb);
	const generic = genericCredentialsOf(sb);
	switch (op) {
		case 'certifier.createIssueSend':
			return {
				service: 'certifier',
				ours: {
					type: 'certifier',
					credential: ours.certifier,
					parameters: {
						resource: 'credential',
						operation: 'createIssueSend',
						group: { __rl: true, mode: 'id', value: CERTIFIER_GROUP },
						recipientName: '={{ $json.name }}',
						recipientEmail: '={{ $json.email }}',
					},
				},
				http: {
					method: 'POST',
					url: `${sb.urls.certifier}/credentials/create-issue-send`,
					credential: generic.certifier,
					headers: { 'Certifier-Version': sb.demo.certifier.version },
					jsonBody: `={{ { groupId: '${CERTIFIER_GROUP}', recipient: { name: $json.name, email: $json.email } } }}`,
				},
				raw: {
					method: 'POST',
					path: '/certifier/v1/credentials/create-issue-send',
					contentType: 'application/json',
					body: JSON.stringify({
						groupId: CERTIFIER_GROUP,
						recipient: { name: 'Raw [<id>]', email: 'raw-[<id>]@raw.example' },
					}),
				},
				isWrite: (e) => e.method === 'POST' && e.path.endsWith('/credentials/create-issue-send'),
			};
		case 'smartResume.push':
			return {
				service: 'smartResume',
				ours: {
					type: 'smartResume',
					credential: ours.smartResume,
					parameters: {
						resource: 'credential',
						operation: 'push',
						recipientId: '={{ $json.id }}',
						recipientDetails: { email: '={{ $json.email }}' },
						source: 'fields',
						format: 'ob3',
						assertionId: '={{ $json.id }}',
						achievementId: 'course-1',
						achievementType: 'Course',
						achievementName: 'Benchmarking 101',
						subjectId: '={{ $json.id }}',
						issuerId: 'issuer-1',
						issuerName: 'Institution X',
						groupByRecipient: false,
					},
				},
				http: {
					method: 'POST',
					url: `${sb.urls.smartResume}/api/v1/credentials`,
					credential: generic.smartResume,
					jsonBody: `={{ ${smartResumeBody('$json.id', '$json.email')} }}`,
				},
				raw: {
					method: 'POST',
					path: '/smartresume/api/v1/credentials',
					contentType: 'application/json',
					body: literalToJson(smartResumeBody("'raw-[<id>]'", "'raw@raw.example'")),
				},
				isWrite: (e) => e.method === 'POST' && e.path.endsWith('/api/v1/credentials'),
			};
		case 'seekPass.add':
			return {
				service: 'seekPass',
				ours: {
					type: 'seekPass',
					credential: ours.seekPass,
					parameters: {
						resource: 'credential',
						operation: 'add',
						credentialType: 'microcredential',
						submissionIdMode: 'given',
						submissionId: '={{ $json.id }}',
						full_name: '={{ $json.name }}',
						issuer_name: 'Acme Training',
						microcredential_name: 'Benchmarking',
						issue_date: '2026-03-01',
					},
				},
				http: {
					method: 'POST',
					url: `${sb.urls.seekPass}/api/partner/v1/add/microcredential.json`,
					credential: generic.seekPass,
					jsonBody: `={{ ${seekPassAddBody('$json.id', '$json.name')} }}`,
				},
				raw: {
					method: 'POST',
					path: '/seekpass/api/partner/v1/add/microcredential.json',
					contentType: 'application/json',
					body: literalToJson(seekPassAddBody("'raw-[<id>]'", "'Raw Person'")),
				},
				isWrite: (e) => e.method === 'POST' && e.path.includes('/api/partner/v1/add/'),
			};
		case 'seekPass.getStatuses':
			return {
				service: 'seekPass',
				ours: {
					type: 'seekPass',
					credential: ours.seekPass,
					parameters: {
						resource: 'submission',
						operation: 'getStatuses',
						submissionIds: '={{ $json.id }}',
					},
				},
				// What a user does with the HTTP Request node: one GET per item.
				http: {
					method: 'GET',
					url: `={{ '${sb.urls.seekPass}/api/partner/v1/submissions/' + encodeURIComponent($json.id) + '/status.json' }}`,
					credential: generic.seekPass,
				},
				raw: {
					method: 'POST',
					path: '/seekpass/api/partner/v1/submissions/status.json',
					contentType: 'application/json',
					body: JSON.stringify({ ids: Array.from({ length: 30 }, (_, i) => `raw-[<id>]-${i}`) }),
				},
				isWrite: () => false,
			};
	}
}

export const isTokenRequest = (e: Pick<LoggedRequest, 'path'>): boolean =>
	e.path.endsWith('/oauth/token.json') || e.path.endsWith('/api/v1/token');

/** The Code node that makes the N input items; ids and emails carry the case's tag. */
/** The items itemsCode makes, for runs without a Code node (bench/node-cpu.cts). */
export function itemsCodeItems(n: number, tag: string): Array<Record<string, string | number>> {
	return Array.from({ length: n }, (_, i) => ({
		i,
		id: `${tag}-${i}`,
		name: `Person ${i}`,
		email: `p${i}@${tag}.example`,
	}));
}

export function itemsCode(n: number, tag: string): string {
	return `const tag = ${JSON.stringify(tag)};\nreturn Array.from({ length: ${n} }, (_, i) => ({ json: { i, id: tag + '-' + i, name: 'Person ' + i, email: 'p' + i + '@' + tag + '.example' } }));`;
}

/** n8n-nodes-base.httpRequest 4.5 (the version n8n 2.41 drops on the canvas) as the variant sets it up. */
export function httpRequestNode(
	def: OpDefinition,
	variant: Exclude<Variant, 'ours'>,
	rateLimit: number,
	credentialRef: { id: string; name: string },
): WorkflowNode {
	const { http } = def;
	const genericAuthType = http.credential.type;
	const options: Record<string, unknown> = {};
	if (variant === 'http-tuned' && rateLimit > 0)
		options.batching = { batch: { batchSize: rateLimit, batchInterval: 1000 } };
	const node: WorkflowNode & Record<string, unknown> = {
		name: 'Work',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.5,
		parameters: {
			method: http.method,
			url: http.url,
			authentication: 'genericCredentialType',
			genericAuthType,
			...(http.headers
				? {
						sendHeaders: true,
						headerParameters: {
							parameters: Object.entries(http.headers).map(([name, value]) => ({ name, value })),
						},
					}
				: {}),
			...(http.jsonBody ? { sendBody: true, specifyBody: 'json', jsonBody: http.jsonBody } : {}),
			options,
		},
		credentials: { [genericAuthType]: credentialRef },
	};
	if (variant === 'http-retry')
		Object.assign(node, { retryOnFail: true, maxTries: 5, waitBetweenTries: 1000 });
	if (variant === 'http-tuned')
		Object.assign(node, { retryOnFail: true, maxTries: 5, waitBetweenTries: 5000 });
	return node;
}

export function ourNode(
	def: OpDefinition,
	credentialRef: { id: string; name: string },
): WorkflowNode {
	return {
		name: 'Work',
		type: `${PACKAGE}.${def.ours.type}`,
		typeVersion: 1,
		parameters: def.ours.parameters,
		credentials: { [def.ours.credential.type]: credentialRef },
	};
}

async function control<T>(sb: Sandbox, url: string): Promise<T> {
	const res = await sb.app.inject({ method: 'GET', url });
	if (res.statusCode !== 200) throw new Error(`GET ${url} → ${res.statusCode}`);
	return res.json() as T;
}

/** Writes the sandbox received more than once for the same item of this case (by its tag). */
export async function duplicateWrites(op: Op, sb: Sandbox, tag: string): Promise<number> {
	const extra = (counts: number[]) => counts.reduce((s, c) => s + Math.max(0, c - 1), 0);
	switch (op) {
		case 'certifier.createIssueSend': {
			const { creationsPerRecipientAndGroup } = await control<{
				creationsPerRecipientAndGroup: Array<{ recipient: string; count: number }>;
			}>(sb, '/_control/certifier/credentials');
			return extra(
				creationsPerRecipientAndGroup
					.filter((c) => c.recipient.includes(`@${tag}.`))
					.map((c) => c.count),
			);
		}
		case 'smartResume.push': {
			const { assertions } = await control<{ assertions: Array<{ id: string; pushes: number }> }>(
				sb,
				'/_control/smartresume/assertions',
			);
			return extra(assertions.filter((a) => a.id.startsWith(`${tag}-`)).map((a) => a.pushes));
		}
		case 'seekPass.add': {
			const { history } = await control<{
				history: Record<string, { creations: number; repeats: number }>;
			}>(sb, '/_control/seekpass/submissions');
			return extra(
				Object.entries(history)
					.filter(([id]) => id.startsWith(`${tag}-`))
					.map(([, h]) => h.creations + h.repeats),
			);
		}
		case 'seekPass.getStatuses':
			return 0;
	}
}

/** A SEEK Pass token straight from the sandbox (no TCP connection: fastify inject). */
export async function sandboxToken(
	sb: Sandbox,
	service: 'seekPass' | 'smartResume',
): Promise<string> {
	const res =
		service === 'seekPass'
			? await sb.app.inject({
					method: 'POST',
					url: '/seekpass/api/partner/v1/oauth/token.json',
					headers: { 'content-type': 'application/x-www-form-urlencoded' },
					payload: new URLSearchParams({
						grant_type: 'client_credentials',
						scope: SEEK_PASS_SCOPE,
						client_id: sb.demo.seekPass.clientId,
						client_secret: sb.demo.seekPass.clientSecret,
					}).toString(),
				})
			: await sb.app.inject({
					method: 'POST',
					url: '/smartresume/api/v1/token',
					headers: {
						'content-type': 'application/x-www-form-urlencoded',
						authorization: `Basic ${Buffer.from(`${sb.demo.smartResume.clientId}:${sb.demo.smartResume.accessKey}`).toString('base64')}`,
					},
					payload: new URLSearchParams({
						grant_type: 'client_credentials',
						scope: SMART_RESUME_SCOPE,
					}).toString(),
				});
	const token = (res.json() as { access_token?: string }).access_token;
	if (!token)
		throw new Error(
			`no ${service} token from the sandbox: ${res.statusCode} ${res.body.slice(0, 300)}`,
		);
	return token;
}

/** Authorization headers for raw requests. */
export async function rawAuthHeaders(op: Op, sb: Sandbox): Promise<Record<string, string>> {
	if (op === 'certifier.createIssueSend')
		return {
			authorization: `Bearer ${sb.demo.certifier.accessToken}`,
			'certifier-version': sb.demo.certifier.version,
		};
	return {
		authorization: `Bearer ${await sandboxToken(sb, op === 'smartResume.push' ? 'smartResume' : 'seekPass')}`,
	};
}

/** getStatuses asks about real submissions: adds `${tag}-0 … ${tag}-(n-1)` straight into the sandbox. */
export async function seedSubmissions(sb: Sandbox, tag: string, n: number): Promise<void> {
	const authorization = `Bearer ${await sandboxToken(sb, 'seekPass')}`;
	let next = 0;
	const worker = async () => {
		while (next < n) {
			const i = next++;
			const res = await sb.app.inject({
				method: 'POST',
				url: '/seekpass/api/partner/v1/add/microcredential.json',
				headers: { authorization, 'content-type': 'application/json' },
				payload: JSON.stringify({
					id: `${tag}-${i}`,
					document_type: 'none',
					credential_type: 'microcredential',
					data: {
						credential: {
							full_name: `Person ${i}`,
							issuer_name: 'Acme Training',
							microcredential_name: 'Benchmarking',
							issue_date: '2026-03-01',
						},
					},
				}),
			});
			if (res.statusCode >= 300)
				throw new Error(`seeding ${tag}-${i} → ${res.statusCode} ${res.body.slice(0, 300)}`);
		}
	};
	await Promise.all(Array.from({ length: 50 }, worker));
}

// A local SMTP sink for the demo and the e2e tests: n8n's Send Email node delivers to it and
// tests read the parsed messages back. Plain SMTP on 127.0.0.1 (no TLS, no auth), so an SMTP
// credential with secure off and STARTTLS disabled reaches it.
import { SMTPServer } from 'smtp-server';
import PostalMime from 'postal-mime';

export interface ReceivedMail {
	from: string;
	to: string[];
	subject: string;
	text: string;
	html: string;
	receivedAt: string;
}

export interface MailSink {
	host: string;
	port: number;
	/** Every message received so far, oldest first. */
	messages(): ReceivedMail[];
	/** Waits (bounded) until `count` messages matching `match` arrived; throws naming what did arrive. */
	waitFor(
		count: number,
		match?: (m: ReceivedMail) => boolean,
		timeoutMs?: number,
	): Promise<ReceivedMail[]>;
	clear(): void;
	/**
	 * Refuses, with a permanent 550 at RCPT TO, every recipient `match` accepts (a bounce as a
	 * mail server gives it); `undefined` accepts everyone again.
	 */
	refuse(match: ((address: string) => boolean) | undefined): void;
	/** Recipients refused so far, oldest first. */
	refused(): string[];
	close(): Promise<void>;
	/** The data of an n8n `smtp` credential that delivers here. */
	credential(): Record<string, unknown>;
}

const addresses = (value: unknown): string[] => {
	const list = Array.isArray(value) ? value : value ? [value] : [];
	return list.map((a: { address?: string }) => a.address ?? '').filter(Boolean);
};

export async function startMailSink(): Promise<MailSink> {
	const received: ReceivedMail[] = [];
	const refusedList: string[] = [];
	let refusing: ((address: string) => boolean) | undefined;
	const server = new SMTPServer({
		secure: false,
		authOptional: true,
		disabledCommands: ['STARTTLS', 'AUTH'],
		logger: false,
		onRcptTo(address, _session, callback) {
			if (refusing?.(address.address)) {
				refusedList.push(address.address);
				const error = Object.assign(new Error(`Mailbox ${address.address} unavailable`), {
					responseCode: 550,
				});
				callback(error);
				return;
			}
			callback();
		},
		onData(stream, _session, callback) {
			const chunks: Buffer[] = [];
			stream.on('data', (c: Buffer) => chunks.push(c));
			stream.on('end', () => {
				PostalMime.parse(Buffer.concat(chunks)).then(
					(mail) => {
						received.push({
							from: mail.from?.address ?? '',
							to: addresses(mail.to),
							subject: mail.subject ?? '',
							text: mail.text ?? '',
							html: mail.html ?? '',
							receivedAt: new Date().toISOString(),
						});
						callback();
					},
					(error: Error) => callback(error),
				);
			});
		},
	});
	await new Promise<void>((resolve, reject) => {
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => resolve());
	});
	const port = (server.server.address() as { port: number }).port;
	return {
		host: '127.0.0.1',
		port,
		messages: () => [...received],
		clear: () => {
			received.length = 0;
			refusedList.length = 0;
		},
		refuse: (match) => {
			refusing = match;
		},
		refused: () => [...refusedList],
		async waitFor(count, match = () => true, timeoutMs = 30_000) {
			const deadline = Date.now() + timeoutMs;
			for (;;) {
				const found = received.filter(match);
				if (found.length >= count) return found;
				if (Date.now() > deadline) {
					const seen = received.map((m) => `${m.to.join(',')}: ${m.subject}`).join('; ') || 'none';
					throw new Error(
						`expected ${count} matching email(s) within ${timeoutMs} ms; received: ${seen}`,
					);
				}
				await new Promise((r) => setTimeout(r, 100));
			}
		},
		close: async () => await new Promise<void>((resolve) => server.close(() => resolve())),
		credential: () => ({
			host: '127.0.0.1',
			port,
			secure: false,
			disableStartTls: true,
			user: '',
			password: '',
		}),
	};
}

// Reads what reached Mailpit (the development SMTP server) through its HTTP API, for the specs.

export interface MailpitMessage {
  ID: string;
  Subject: string;
  To: Array<{ Name: string; Address: string }>;
  HTML: string;
  Text: string;
}

function apiUrl(): string {
  const url = process.env.MAILPIT_API_URL;
  if (!url) throw new Error('MAILPIT_API_URL is not set (the Vitest global setup sets it)');
  return url.replace(/\/+$/, '');
}

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(`${apiUrl()}${path}`);
  if (!response.ok) throw new Error(`Mailpit ${path}: HTTP ${response.status}`);
  return (await response.json()) as T;
}

/** Every message sent to `address`, newest first, with its HTML and text parts. */
export async function mailsTo(address: string): Promise<MailpitMessage[]> {
  const query = encodeURIComponent(`to:"${address}"`);
  const found = await getJson<{ messages: Array<{ ID: string }> }>(
    `/api/v1/search?query=${query}&limit=50`,
  );
  return Promise.all(
    found.messages.map((summary) => getJson<MailpitMessage>(`/api/v1/message/${summary.ID}`)),
  );
}

/** An address nobody else's spec writes to, so counts in a shared Mailpit stay exact. */
export function uniqueAddress(name: string): string {
  return `${name}.${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}@sipadu.test`;
}

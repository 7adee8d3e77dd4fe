import type { ServerConfig } from './serverConfig';

/** The message the pretend customer sends back. */
export const simulatedReplyText = 'Hi! Thanks for the message, I have a question about it.';

/** A failed simulation, with a sentence for the page. */
export class SimulateReplyError extends Error {
  override readonly name = 'SimulateReplyError';
}

interface Problem {
  detail?: unknown;
  title?: unknown;
}

async function problemDetail(response: Response): Promise<string | null> {
  try {
    const problem = (await response.json()) as Problem;
    if (typeof problem.detail === 'string' && problem.detail !== '') return problem.detail;
    if (typeof problem.title === 'string' && problem.title !== '') return problem.title;
  } catch {
    // Not JSON: the status below says enough.
  }
  return null;
}

/**
 * Pretends the contact answered on WhatsApp (`POST /simulator/contacts/{id}/reply`): the server
 * records an inbound message, which opens the 24-hour reply window and updates the Chats tab
 * live. Rejects with a `SimulateReplyError` whose message says what went wrong.
 */
export async function simulateCustomerReply(config: ServerConfig, contactId: string, signal?: AbortSignal): Promise<void> {
  let response: Response;
  try {
    response = await fetch(`${config.baseUrl}/simulator/contacts/${encodeURIComponent(contactId)}/reply`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${config.token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ text: simulatedReplyText }),
      signal,
    });
  } catch (error) {
    if (signal?.aborted) throw error;
    throw new SimulateReplyError('Can’t reach the server. Is it still running?');
  }
  if (response.ok) return;
  const detail = await problemDetail(response);
  if (response.status === 404 && detail === null) {
    throw new SimulateReplyError('This server has no simulator: it sends through the WhatsApp Cloud API.');
  }
  throw new SimulateReplyError(detail ?? `The server answered ${response.status} ${response.statusText}.`.trim());
}

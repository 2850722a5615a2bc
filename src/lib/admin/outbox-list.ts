import { count, desc } from 'drizzle-orm';
import type { Reader } from '~/lib/db';
import { emailOutbox } from '~db/schema';

export interface OutboxRow {
  id: number;
  to: string;
  subject: string;
  text: string;
  status: 'outbox' | 'sent' | 'failed';
  error: string | null;
  createdAt: Date;
}

const PAGE = 50;

/** The mail the site sent or would have sent (status 'outbox' while no SMTP server is set), newest first. */
export async function listOutbox(
  q: Reader,
  requestedPage = 1,
): Promise<{ rows: OutboxRow[]; total: number; page: number; pages: number }> {
  const [{ n } = { n: 0 }] = await q.select({ n: count() }).from(emailOutbox);
  const pages = Math.max(1, Math.ceil(n / PAGE));
  const page = Math.min(Math.max(1, Math.floor(requestedPage) || 1), pages);
  const rows = await q
    .select()
    .from(emailOutbox)
    .orderBy(desc(emailOutbox.id))
    .limit(PAGE)
    .offset((page - 1) * PAGE);
  return { rows, total: n, page, pages };
}

import type { APIRoute } from 'astro';
import { csvLine } from '~/lib/admin/csv';
import { eachEnrollment, enrollmentFilterSchema } from '~/lib/admin/enrollment-list';
import { requireAdmin } from '~/server/admin-guard';
import { getDb } from '~/server/runtime';

const HEADER = [
  'email',
  'name',
  'course',
  'status',
  'source',
  'group',
  'enrolled_at',
  'amount_paid',
  'amount_refunded',
  'currency',
  'promotion_code',
  'stripe_payment_intent',
  'disputed_at',
];

/**
 * The filtered enrollment list as CSV, streamed a thousand rows at a time so a list of 100,000
 * never sits in memory. Every cell that a spreadsheet could run as a formula is neutralised.
 */
export const GET: APIRoute = async ({ locals, url }) => {
  const guard = requireAdmin(locals, url);
  if (!guard.ok) return guard.response;
  const parsed = enrollmentFilterSchema.safeParse(Object.fromEntries(url.searchParams));
  if (!parsed.success)
    return new Response('The filter is not valid; go back to the list and check it.', {
      status: 400,
      headers: { 'Content-Type': 'text/plain; charset=utf-8' },
    });
  const db = await getDb();
  const batches = eachEnrollment(db.read, parsed.data);
  const encoder = new TextEncoder();
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      // A byte-order mark, so Excel opens the UTF-8 (accents, names in any script) correctly.
      controller.enqueue(encoder.encode(`\uFEFF${csvLine(HEADER)}`));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      const text = next.value
        .map((r) =>
          csvLine([
            r.email,
            r.displayName,
            r.courseSlug,
            r.status,
            r.source,
            r.partnerGroup,
            r.createdAt.toISOString(),
            r.amountPaid === null ? '' : (r.amountPaid / 100).toFixed(2),
            r.amountRefunded === null ? '' : (r.amountRefunded / 100).toFixed(2),
            r.currency,
            r.promotionCode,
            r.stripePaymentIntentId,
            r.disputedAt?.toISOString(),
          ]),
        )
        .join('');
      controller.enqueue(encoder.encode(text));
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  const day = new Date().toISOString().slice(0, 10);
  return new Response(body, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="enrollments-${day}.csv"`,
      'Cache-Control': 'no-store',
    },
  });
};

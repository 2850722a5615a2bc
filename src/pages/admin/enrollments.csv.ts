import type { APIRoute } from 'astro';
import {
  eachEnrollment,
  ENROLLMENT_CSV_HEADER,
  enrollmentCsvLines,
  enrollmentFilterSchema,
} from '~/lib/admin/enrollment-list';
import { requireAdmin } from '~/server/admin-guard';
import { getDb } from '~/server/runtime';

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
      controller.enqueue(encoder.encode(ENROLLMENT_CSV_HEADER));
    },
    async pull(controller) {
      const next = await batches.next();
      if (next.done) return controller.close();
      const text = enrollmentCsvLines(next.value);
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

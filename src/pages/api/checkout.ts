import { loginRedirect } from '~/lib/http/redirect';
import type { APIRoute } from 'astro';
import { z } from 'astro/zod';
import { isLocale, localePath } from '~/lib/i18n/locales';
import { translator } from '~/lib/i18n/translate';
import { chooseAmount } from '~/lib/payments/amount';
import { createCheckout } from '~/lib/payments/checkout';
import { getCurriculum } from '~/server/catalog';
import { readFormInput, refuseForm } from '~/server/form-input';
import { plainResponse } from '~/server/forms';
import { payments, siteUrl } from '~/server/runtime';

const CheckoutForm = z.object({
  course: z.string().max(200),
  locale: z.string().refine(isLocale),
  amount: z.string().max(40).optional(),
  custom: z.string().max(40).optional(),
  nonce: z.string().regex(/^[A-Za-z0-9_-]{8,64}$/),
  from: z.enum(['buy', 'buy-end']).default('buy'),
});

/**
 * "Continue to payment": checks the amount, creates a Stripe Checkout Session and sends the
 * learner to Stripe's page. Anything wrong goes back to the course page, the amount kept, with
 * the reason shown beside the form.
 */
export const POST: APIRoute = async ({ request, locals, redirect }) => {
  const input = await readFormInput(request, CheckoutForm);
  if (!input.ok) return refuseForm(input, locals.t);
  const form = input.data;
  const locale = isLocale(form.locale) ? form.locale : locals.locale;
  const coursePath = localePath(locale, `/courses/${form.course}`);
  if (!locals.user) return loginRedirect(locale, coursePath, { status: 303 });
  const curriculum = await getCurriculum(form.course, locale);
  if (!curriculum) return plainResponse(404, translator(locale)('error.course-not-found'));
  // A typed amount wins over the picked one: typing is the more deliberate act.
  const entered = form.custom?.trim() ? form.custom.trim() : (form.amount ?? '');
  const back = (error: string) =>
    redirect(
      `${coursePath}?${new URLSearchParams({ buy: error, amount: entered, from: form.from })}#${form.from}`,
      303,
    );
  if (!payments.enabled) return back('payments-off');
  const amount = chooseAmount(curriculum.course.price, entered);
  if (!amount.ok) return back(amount.error);
  const checkout = await createCheckout(payments.stripe, {
    userId: locals.user.id,
    email: locals.user.email,
    courseSlug: curriculum.slug,
    courseTitle: curriculum.course.title,
    amount: amount.value,
    locale,
    siteUrl,
    nonce: form.nonce,
  });
  if (!checkout.ok) return back(checkout.error);
  return redirect(checkout.value.url, 303);
};

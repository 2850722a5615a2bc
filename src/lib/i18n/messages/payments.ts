/**
 * Buying a course: the amount picker, checkout errors (`error.<code>`, one per code in
 * src/lib/payments), the return from Stripe, and the purchase e-mail (`mail.*`).
 * Spanish is typed against English, so a key missing from either fails the type check.
 */

const en = {
  'buy.amountLegend': 'Choose what you pay',
  'buy.amountLabel': 'Another amount ({currency})',
  'buy.amountHint':
    'At least {minimum}. Paying more helps keep the price low for groups with smaller budgets.',
  'buy.pay': 'Continue to payment',
  'buy.payFixed': 'Buy for {amount}',
  'buy.partners':
    'Part of an Outreach Partner organization? Enter your group’s promotion code on the payment page for your price.',
  'buy.secure': 'You pay on Stripe’s secure page and come straight back to the first lesson.',
  'buy.cancelled':
    'Payment cancelled. Nothing was charged; you can try again whenever you are ready.',
  'buy.processingTitle': 'Your payment is being processed',
  'buy.processing':
    'Your bank has not confirmed the payment yet. You will get access, and an e-mail, as soon as it does; this page does not need to stay open.',
  'buy.notPaidTitle': 'We could not confirm this payment',
  'buy.notPaid':
    'Stripe did not confirm this payment, so nothing was charged for it. You can try again from the course page.',
  'buy.refunded': 'This payment was refunded, so it no longer gives access to the course.',
  'buy.backToCourse': 'Back to the course',
  'error.amount-invalid': 'Enter an amount in numbers, for example 49 or 49.50.',
  'error.amount-below-minimum': 'The lowest price for this course is {minimum}.',
  'error.amount-above-maximum':
    'That is more than {maximum} for one course. Check the amount, or write to the organizers to support them another way.',
  'error.course-free': 'This course is free: enroll from its page.',
  'error.payments-off':
    'Online payment is not set up on this site. Write to the organizers and they will enroll you.',
  'error.payments-unreachable':
    'We could not reach the payment service just now. Nothing was charged. Please try again in a minute.',
  'error.payments-refused':
    'The payment service refused to start this payment. Nothing was charged. Please try again, or write to the organizers.',
  'error.checkout-not-yours':
    'That payment link belongs to another account. Log in with the account you paid with.',

  'mail.purchase.subject': 'You are enrolled in {course}',
  'mail.purchase.body':
    'Hi {name},\n\n' +
    'Thank you for your payment of {amount}. You now have access to "{course}" for as long as the course runs; go at your own pace.\n\n' +
    'Start here:\n{url}\n\n' +
    'Stripe sends the receipt separately. If you did not make this purchase, reply to this e-mail.\n\n' +
    '— Botcamp\n',
};

const es: Record<keyof typeof en, string> = {
  'buy.amountLegend': 'Elige cuánto pagas',
  'buy.amountLabel': 'Otra cantidad ({currency})',
  'buy.amountHint':
    'Como mínimo {minimum}. Pagar más ayuda a mantener el precio bajo para los grupos con menos presupuesto.',
  'buy.pay': 'Continuar al pago',
  'buy.payFixed': 'Comprar por {amount}',
  'buy.partners':
    '¿Formas parte de una organización Outreach Partner? Escribe el código de promoción de tu grupo en la página de pago para obtener tu precio.',
  'buy.secure': 'Pagas en la página segura de Stripe y vuelves directamente a la primera lección.',
  'buy.cancelled': 'Pago cancelado. No se cobró nada; puedes volver a intentarlo cuando quieras.',
  'buy.processingTitle': 'Tu pago se está procesando',
  'buy.processing':
    'Tu banco todavía no ha confirmado el pago. Tendrás acceso, y recibirás un correo, en cuanto lo confirme; no hace falta que dejes esta página abierta.',
  'buy.notPaidTitle': 'No pudimos confirmar este pago',
  'buy.notPaid':
    'Stripe no confirmó este pago, así que no se cobró nada por él. Puedes volver a intentarlo desde la página del curso.',
  'buy.refunded': 'Este pago fue reembolsado, así que ya no da acceso al curso.',
  'buy.backToCourse': 'Volver al curso',
  'error.amount-invalid': 'Escribe una cantidad en números, por ejemplo 49 o 49,50.',
  'error.amount-below-minimum': 'El precio mínimo de este curso es {minimum}.',
  'error.amount-above-maximum':
    'Eso es más de {maximum} por un curso. Revisa la cantidad, o escribe a las organizadoras para apoyarlas de otra manera.',
  'error.course-free': 'Este curso es gratuito: inscríbete desde su página.',
  'error.payments-off':
    'El pago en línea no está configurado en este sitio. Escribe a las organizadoras y te inscribirán.',
  'error.payments-unreachable':
    'No pudimos comunicarnos con el servicio de pago. No se cobró nada. Vuelve a intentarlo en un minuto.',
  'error.payments-refused':
    'El servicio de pago no pudo iniciar este pago. No se cobró nada. Vuelve a intentarlo o escribe a las organizadoras.',
  'error.checkout-not-yours':
    'Ese enlace de pago pertenece a otra cuenta. Inicia sesión con la cuenta con la que pagaste.',

  'mail.purchase.subject': 'Ya estás inscrito o inscrita en {course}',
  'mail.purchase.body':
    'Hola, {name}:\n\n' +
    'Gracias por tu pago de {amount}. Ya tienes acceso a «{course}» mientras el curso esté disponible; avanza a tu ritmo.\n\n' +
    'Empieza aquí:\n{url}\n\n' +
    'Stripe te envía el recibo por separado. Si no hiciste esta compra, responde a este correo.\n\n' +
    '— Botcamp\n',
};

export const paymentMessages = { en, es } satisfies {
  en: Record<string, string>;
  es: Record<string, string>;
};

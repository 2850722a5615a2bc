/**
 * Accounts: error messages (`error.<code>`, one per code in src/lib/auth/errors.ts) and the
 * e-mails the accounts domain sends (`mail.*`, plain text with {placeholders}).
 * Spanish is typed against English, so a key missing from either fails the type check.
 */

const en = {
  'error.email-invalid': 'Enter a valid e-mail address.',
  'error.name-invalid': 'Your name must be 1 to 80 characters long, with no control characters.',
  'error.password-too-short': 'Password must be at least 10 characters.',
  'error.password-too-long': 'Password must be at most 256 characters.',
  'error.password-common': 'That password is too common. Choose one that is harder to guess.',
  'error.password-contains-email': 'Your password must not contain your e-mail address.',
  'error.password-contains-name': 'Your password must not contain your name.',
  'error.email-taken':
    'There is already an account with that e-mail address. Would you like to log in?',
  'error.values-not-accepted': 'Please accept the Botcamp values to create an account.',
  'error.invalid-credentials': 'The e-mail address or password is incorrect.',
  'error.throttled': 'Too many attempts. Please wait a few minutes and try again.',
  'error.current-password-incorrect': 'Your current password is incorrect.',
  'error.reset-token-invalid':
    'This password reset link is invalid or has expired. Please request a new one.',
  'error.user-not-found': 'That account does not exist.',
  'error.role-invalid': 'That role does not exist.',
  'error.forbidden': 'You are not allowed to do that.',
  'error.last-admin':
    'This is the last active administrator account, so it must stay an enabled administrator.',

  'mail.invite.subject': 'Your Botcamp account is ready: choose a password',
  'mail.invite.body':
    'Hello {name},\n\n' +
    'An organizer enrolled you in {course} on Botcamp, self-paced lessons with chatbots you can try yourself. ' +
    'To start, choose a password with this link (it works once, within 24 hours):\n\n' +
    '{url}\n\n' +
    'If the link has expired, use "Forgot your password?" on the login page with this address.\n\n' +
    '— Botcamp\n',
  'mail.signup.subject': 'Finish creating your Botcamp account',
  'mail.signup.body':
    'Hello {name},\n\n' +
    'Someone (hopefully you) started a Botcamp account with this address. ' +
    'To finish, choose your password with this link (it works once, within 24 hours):\n\n' +
    '{url}\n\n' +
    'If you did not sign up, ignore this e-mail: without the link, no account is opened.\n\n' +
    '— Botcamp\n',
  'mail.signup-taken.subject': 'Someone tried to sign up to Botcamp with your address',
  'mail.signup-taken.body':
    'Hello {name},\n\n' +
    'Someone just tried to create a Botcamp account with this address, which already has one. ' +
    'Nothing was changed, and nobody was told that the address has an account.\n\n' +
    'If it was you, log in here:\n{loginUrl}\n\n' +
    'Forgot your password? Ask for a new one here:\n{resetUrl}\n\n' +
    'If it was not you, you can ignore this e-mail.\n\n' +
    '— Botcamp\n',
  'mail.reset.subject': 'Reset your Botcamp password',
  'mail.reset.body':
    'Hello {name},\n\n' +
    'Someone (hopefully you) asked to reset the password of your Botcamp account. ' +
    'To choose a new password, open this link within the next hour:\n\n' +
    '{url}\n\n' +
    'If you did not ask for this, ignore this e-mail: your password will not change.\n\n' +
    '— Botcamp\n',
} as const;

const es: Record<keyof typeof en, string> = {
  'error.email-invalid': 'Escribe una dirección de correo electrónico válida.',
  'error.name-invalid': 'Tu nombre debe tener entre 1 y 80 caracteres, sin caracteres de control.',
  'error.password-too-short': 'La contraseña debe tener al menos 10 caracteres.',
  'error.password-too-long': 'La contraseña no puede tener más de 256 caracteres.',
  'error.password-common': 'Esa contraseña es demasiado común. Elige una más difícil de adivinar.',
  'error.password-contains-email': 'La contraseña no puede contener tu dirección de correo.',
  'error.password-contains-name': 'La contraseña no puede contener tu nombre.',
  'error.email-taken': 'Ya existe una cuenta con esa dirección de correo. ¿Quieres iniciar sesión?',
  'error.values-not-accepted': 'Para crear una cuenta, acepta los valores de Botcamp.',
  'error.invalid-credentials': 'El correo electrónico o la contraseña no son correctos.',
  'error.throttled': 'Demasiados intentos. Espera unos minutos y vuelve a intentarlo.',
  'error.current-password-incorrect': 'Tu contraseña actual no es correcta.',
  'error.reset-token-invalid':
    'Este enlace para restablecer la contraseña no es válido o ha caducado. Pide uno nuevo.',
  'error.user-not-found': 'Esa cuenta no existe.',
  'error.role-invalid': 'Ese rol no existe.',
  'error.forbidden': 'No tienes permiso para hacer eso.',
  'error.last-admin':
    'Es la última cuenta de administración activa, así que debe seguir siendo administradora y estar habilitada.',

  'mail.invite.subject': 'Tu cuenta de Botcamp está lista: elige una contraseña',
  'mail.invite.body':
    'Hola, {name}:\n\n' +
    'Una persona organizadora te inscribió en {course} en Botcamp, lecciones a tu ritmo con chatbots que puedes probar tú mismo o misma. ' +
    'Para empezar, elige una contraseña con este enlace (funciona una sola vez, durante 24 horas):\n\n' +
    '{url}\n\n' +
    'Si el enlace caducó, usa «¿Olvidaste tu contraseña?» en la página de inicio de sesión con esta dirección.\n\n' +
    '— Botcamp\n',
  'mail.signup.subject': 'Termina de crear tu cuenta de Botcamp',
  'mail.signup.body':
    'Hola, {name}:\n\n' +
    'Alguien (esperamos que tú) empezó a crear una cuenta de Botcamp con esta dirección. ' +
    'Para terminar, elige tu contraseña con este enlace (funciona una sola vez, durante 24 horas):\n\n' +
    '{url}\n\n' +
    'Si no te registraste, ignora este correo: sin el enlace no se abre ninguna cuenta.\n\n' +
    '— Botcamp\n',
  'mail.signup-taken.subject': 'Alguien intentó registrarse en Botcamp con tu dirección',
  'mail.signup-taken.body':
    'Hola, {name}:\n\n' +
    'Alguien acaba de intentar crear una cuenta de Botcamp con esta dirección, que ya tiene una. ' +
    'No cambiamos nada y no le dijimos a nadie que la dirección tiene cuenta.\n\n' +
    'Si fuiste tú, entra aquí:\n{loginUrl}\n\n' +
    '¿Olvidaste tu contraseña? Pide una nueva aquí:\n{resetUrl}\n\n' +
    'Si no fuiste tú, puedes ignorar este correo.\n\n' +
    '— Botcamp\n',
  'mail.reset.subject': 'Restablece tu contraseña de Botcamp',
  'mail.reset.body':
    'Hola, {name}:\n\n' +
    'Alguien (esperamos que tú) ha pedido restablecer la contraseña de tu cuenta de Botcamp. ' +
    'Para elegir una contraseña nueva, abre este enlace en la próxima hora:\n\n' +
    '{url}\n\n' +
    'Si no lo has pedido tú, ignora este correo: tu contraseña no cambiará.\n\n' +
    '— Botcamp\n',
};

export const authMessages = { en, es } satisfies {
  en: Record<string, string>;
  es: Record<string, string>;
};

import type { en } from './en';
import { authMessages } from './messages/auth';
import { paymentMessages } from './messages/payments';

/** Spanish interface strings (tú, Latin American usage). Typed against English: no key may be missing. */
export const es: Record<keyof typeof en, string> = {
  ...authMessages.es,
  ...paymentMessages.es,
  'site.name': 'Botcamp',
  'nav.skip': 'Saltar al contenido',
  'nav.label': 'Principal',
  'nav.courses': 'Cursos',
  'nav.dashboard': 'Mi aprendizaje',
  'nav.admin': 'Administración',
  'nav.reports': 'Informes de los cursos',
  'nav.login': 'Entrar',
  'nav.logout': 'Salir',
  'nav.signup': 'Crear cuenta',
  'nav.language': 'Cambiar a {language}',
  'footer.tagline': 'cursos a tu ritmo con chatbots de verdad dentro de las lecciones.',
  'footer.values': 'Valores de participación',
  'footer.source': 'Código abierto, instalable en tu servidor',

  'catalog.title': 'Aprende a organizar con chatbots',
  'catalog.lead':
    'Cursos a tu ritmo para organizadores, sindicatos y campañas, con bots que puedes probar y construir en la misma lección.',
  'catalog.description':
    'Cursos a tu ritmo para organizadores, sindicatos y campañas electorales, con chatbots para practicar.',
  'catalog.coursesHeading': 'Cursos',
  'catalog.empty': 'Todavía no hay cursos publicados.',

  'level.beginner': 'Principiante',
  'level.intermediate': 'Intermedio',
  'level.advanced': 'Avanzado',
  'price.free': 'Gratis',
  'price.pwyc': 'Paga lo que puedas desde {minimum} (sugerido {suggested})',

  'course.lessonCount': '{count, plural, one {# lección} other {# lecciones}}',
  'course.moduleNumber': 'Módulo {number}',
  'course.preview': 'Vista previa gratis',
  'course.outcomes': 'Lo que vas a poder hacer',
  'course.curriculum': 'Plan del curso',
  'course.curriculumIntro':
    '{modules, plural, one {# módulo} other {# módulos}}, {lessons, plural, one {# lección} other {# lecciones}}, unas {time} en total. Avanza a tu propio ritmo.',
  'course.instructors': 'Quiénes enseñan',
  'course.testimonials': 'Lo que dicen quienes lo tomaron',
  'course.faq': 'Preguntas frecuentes',
  'course.readyTitle': '¿Lista o listo para empezar?',
  'testimonials.sampleBadge': 'Ejemplo',
  'testimonials.sampleNote':
    'Los testimonios marcados como «Ejemplo» vienen de participantes ficticios y muestran cómo se verá esta sección; los reales se reúnen entre quienes terminan el curso.',
  'share.title': 'Comparte este curso',
  'share.email': 'Correo',
  'share.newWindow': '(se abre en otra ventana)',
  'share.copy': 'Copiar el enlace',
  'share.copied': 'Enlace copiado.',
  'share.copyFailed':
    'Aquí no se pudo copiar: el enlace está seleccionado, cópialo con la opción de copiar de tu dispositivo.',
  'share.print': 'Imprimir o guardar como PDF',
  'translation.notAvailable':
    'Este curso todavía no está disponible en tu idioma, así que lo mostramos en su idioma original.',
  'translation.lessonNotAvailable':
    'Esta lección todavía no está traducida, así que la mostramos en su idioma original.',
  'translation.inLanguage': 'en {language}',
  'language.en': 'inglés',
  'language.es': 'español',

  'cta.startFree': 'Empieza gratis',
  'cta.signUpToEnroll': 'Crea una cuenta para inscribirte',
  'cta.haveAccount': '¿Ya tienes cuenta?',
  'cta.enrollFree': 'Inscríbete gratis',
  'cta.buy': 'Inscribirme',
  'cta.paymentsUnavailable':
    'Todavía no se puede pagar en línea. El equipo organizador puede inscribirte directamente: escríbele y te dará acceso.',
  'cta.continue': 'Sigue donde te quedaste',
  'cta.start': 'Empieza la primera lección',
  'cta.review': 'Repasa el curso',
  'cta.staffAccess': 'Como parte del equipo puedes abrir todas las lecciones sin inscribirte.',
  'cta.selfPaced': 'A tu ritmo: empieza ya, sin fecha de cierre.',
  'enroll.done':
    'Ya estás inscrito o inscrita en {course}. Desde ahora guardamos tu avance, tus respuestas y tus chats; encontrarás el curso en «Mi aprendizaje».',
  'progress.label': '{percent} completado',

  'lesson.outline': 'Plan del curso',
  'lesson.completed': 'Completaste esta lección.',
  'lesson.completedShort': 'Completada',
  'lesson.complete': 'Marcar como completada',
  'lesson.completeAndContinue': 'Marcar como completada y seguir',
  'lesson.undo': 'Marcar como no completada',
  'lesson.quizRequired':
    '{count, plural, one {Responde bien la pregunta de repaso de esta lección para completarla.} other {Responde bien las # preguntas de repaso de esta lección para completarla.}}',
  'lesson.quizMissing':
    '{left, plural, one {Para completar esta lección, primero responde bien esta pregunta de repaso:} other {Para completar esta lección, primero responde bien estas # preguntas de repaso:}}',
  'lesson.position': 'Lección {number} de {total}',
  'lesson.previewNote': 'Estás leyendo una vista previa gratuita.',
  'lesson.previewCta': 'Inscríbete para tomar el curso completo y guardar tu avance.',
  'lesson.pager': 'Lecciones',
  'lesson.table': 'Tabla',
  'lesson.previous': 'Anterior',
  'lesson.next': 'Siguiente',
  'lesson.forbidden': 'Esta lección es parte del curso. Inscríbete para abrirla.',
  'lesson.forbiddenCta': 'Ver el curso e inscribirme',
  'callout.tip': 'Consejo',
  'callout.note': 'Nota',
  'callout.warning': 'Cuidado',
  'callout.rule': 'La norma',
  'keywords.en': 'Palabras clave en inglés para darse de baja',
  'keywords.es': 'Palabras en español para darse de baja',
  'keywords.examples': 'Peticiones en lenguaje corriente que también cuentan, por ejemplo',
  'lesson.sources': 'Fuentes',
  'lesson.reviewed':
    'Las normas de esta lección se revisaron por última vez con estas fuentes el {date}. Cambian: consulta el texto vigente antes de basarte en ellas.',
  'quiz.heading': 'Repaso',
  'quiz.check': 'Revisar mi respuesta',
  'quiz.tryAgain': 'Responder otra vez',
  'quiz.correct': 'Correcto.',
  'quiz.incorrect': 'No exactamente.',
  'quiz.yourAnswer': 'Tu respuesta',
  'quiz.hint': 'Vuelve a leer las opciones e inténtalo otra vez.',
  'quiz.notSaved':
    'Revisamos tu respuesta pero no la guardamos, porque no estás inscrito o inscrita.',

  'dashboard.title': 'Mi aprendizaje',
  'dashboard.greeting': 'Hola de nuevo, {name}',
  'dashboard.empty': 'Todavía no estás en ningún curso.',
  'dashboard.browse': 'Ver los cursos',
  'dashboard.certificate': 'Ver el certificado',
  'dashboard.reset': 'Borrar mi avance…',
  'erase.title': '¿Borrar tu avance en {course}?',
  'erase.what':
    'Completaste el {percent} de este curso. Al borrarlo se quitan todas las lecciones que marcaste como completadas y todas tus respuestas de repaso. No se puede deshacer.',
  'erase.kept':
    'Sigues inscrito o inscrita y puedes volver a empezar enseguida, y un certificado ya emitido sigue siendo válido.',
  'erase.keep': 'Conservar mi avance',
  'erase.confirm': 'Borrar mi avance',
  'erase.done': 'Se borró tu avance en {course}. Vuelve a empezar cuando quieras.',

  'signup.title': 'Crea tu cuenta',
  'signup.lead': 'Una sola cuenta para todos los cursos. Los cursos gratis empiezan con un clic.',
  'notice.account-ready': 'Tu cuenta está lista y ya entraste. ¡Te damos la bienvenida a Botcamp!',
  'signup.howItWorks':
    'Te enviaremos por correo un enlace para elegir tu contraseña. Así comprobamos que la dirección es tuya antes de que alguien pueda entrar con ella.',
  'signup.sentTitle': 'Revisa tu correo',
  'signup.sent':
    'Enviamos un mensaje a {email}. Abre el enlace que contiene en las próximas 24 horas para elegir tu contraseña y terminar. Si la dirección ya tiene una cuenta, el mensaje te lo dice: nadie más se entera.',
  'signup.sentNoMail':
    'Este sitio todavía no tiene un servidor de correo configurado, así que no se envió nada: el enlace está en el registro del servidor, y la bandeja de salida de la administración (/admin/outbox) muestra el mensaje. Pregunta a quien administra el sitio o, si eres tú, mira la terminal donde corre el servidor.',
  'signup.sentAgain':
    '¿No llegó nada en unos minutos? Revisa la carpeta de spam o vuelve a llenar el formulario para recibir un enlace nuevo.',
  'signup.acceptValues': 'Leí y acepto los',
  'signup.submit': 'Crear la cuenta',
  'signup.haveAccount': '¿Ya tienes cuenta?',
  'login.title': 'Entrar',
  'login.submit': 'Entrar',
  'login.forgot': '¿Olvidaste tu contraseña?',
  'login.noAccount': '¿Eres nueva o nuevo aquí?',
  'login.afterReset': 'Cambiamos tu contraseña. Entra con la nueva.',
  'login.forLessonTitle': 'Esta lección es para quienes se inscribieron',
  'login.forLessonBody':
    'Aquí terminan las vistas previas gratuitas. Para seguir leyendo, crea una cuenta e inscríbete en el curso; si ya tienes cuenta, entra aquí abajo.',
  'login.forLessonSignup': 'Crear una cuenta',
  'login.forLessonHaveAccount': '¿Ya tienes cuenta? Entra',
  'forgot.title': 'Restablece tu contraseña',
  'forgot.lead':
    'Escribe el correo de tu cuenta y te mandaremos un enlace para elegir una contraseña nueva.',
  'forgot.submit': 'Mandar el enlace',
  'forgot.sent':
    'Si hay una cuenta con ese correo, el enlace para restablecer la contraseña ya va en camino. Sirve durante una hora.',
  'reset.title': 'Elige una contraseña nueva',
  'reset.firstTitle': 'Elige tu contraseña',
  'reset.firstLead':
    'Tu dirección está confirmada. Falta un paso: la contraseña con la que vas a entrar.',
  'reset.firstSubmit': 'Guardar y entrar',
  'reset.submit': 'Guardar la contraseña nueva',
  'reset.requestNew': 'Pedir un enlace nuevo',
  'field.displayName': 'Tu nombre',
  'field.displayNameHint': 'Tal como quieres que aparezca en tu certificado.',
  'field.email': 'Correo electrónico',
  'field.password': 'Contraseña',
  'field.passwordHint':
    'Al menos 10 caracteres, que no sea una contraseña conocida y sin tu nombre ni la primera parte de tu dirección de correo. Unas cuantas palabras sin relación entre sí hacen una buena contraseña.',
  'field.currentPassword': 'Contraseña actual',
  'field.newPassword': 'Contraseña nueva',
  'account.title': 'Tu cuenta',
  'account.signedInAs': 'Entraste como {email}.',
  'account.changePassword': 'Cambiar la contraseña',
  'account.passwordChanged': 'Cambiamos tu contraseña y cerramos tus otras sesiones.',
  'account.sessions': 'Sesiones',
  'account.sessionsLead':
    '¿Perdiste el teléfono o usaste una computadora compartida? Cierra tu sesión de Botcamp en todos los dispositivos a la vez.',
  'account.logoutEverywhere': 'Salir en todos los dispositivos',

  'certificate.title': 'Certificado: {course}',
  'certificate.kicker': 'Certificado de finalización',
  'certificate.certifies': 'Se certifica que',
  'certificate.completed': 'completó el curso',
  'certificate.issued': 'Emitido el {date}',
  'certificate.verify': 'Verifica este certificado en',
  'certificate.congrats':
    '¡Felicidades, terminaste el curso! Comparte esta página: cualquiera con el enlace puede verificarlo.',
  'certificate.backToCourse': 'Volver al curso',
  'certificate.earn':
    'Completa las {total} lecciones para obtener un certificado con un enlace público que cualquiera puede usar para verificarlo. {left, plural, one {Te falta # lección.} other {Te faltan # lecciones.}}',
  'certificate.shareLabel': 'Enlace a este certificado',
  'certificate.unknownTitle': 'No encontramos el certificado',
  'certificate.unknownBody':
    'Ningún certificado tiene ese número. Revisa que el enlace esté completo; los enlaces de certificados son largos a propósito.',
  'instructor.teaches': 'Cursos',
  'values.description':
    'Los valores que pedimos compartir a todas las personas que se suman a nuestros cursos.',
  'values.version': 'Versión {version}, vigente desde el {date}.',
  'values.updatedTitle': 'Actualizamos nuestros valores de participación.',
  'values.updatedBody': 'Léelos y acepta la nueva versión para seguir aprendiendo.',
  'values.accept': 'Acepto',
  'notFound.title': 'No encontramos la página',
  'notFound.body':
    'No pudimos encontrar esa página. Quizás cambió de lugar o el enlace está incompleto.',
  'notFound.courses': 'Nuestros cursos',
  'notFound.home': 'Ir a la página de inicio',

  'bot.tryIt': 'Pruébalo:',
  'bot.localOnly':
    '(Este chat se queda en tu navegador. No se manda nada a un teléfono de verdad.)',
  'bot.channelSms': 'SMS',
  'bot.channelMessenger': 'Messenger',
  'bot.restart': 'Empezar de nuevo',
  'bot.conversation': 'Conversación con {name}',
  'bot.you': 'Tú',
  'bot.bot': 'Bot',
  'bot.step': 'paso',
  'bot.segments':
    '{encoding} · {segments, plural, one {# segmento} other {# segmentos}} · {units, plural, one {# carácter} other {# caracteres}}',
  'bot.choices': 'Respuestas sugeridas',
  'bot.messageLabel': 'Tu mensaje',
  'bot.placeholderSms': 'Mensaje de texto',
  'bot.placeholderMessenger': 'Aa',
  'bot.send': 'Enviar',
  'bot.needsJs': 'El chat necesita JavaScript activado.',
  'bot.error': 'El bot no pudo responder. Revisa tu conexión e inténtalo de nuevo.',
  'bot.startMessenger':
    'En Messenger, la persona escribe primero. Escribe hola (o lo que quieras) abajo para empezar la conversación.',
  'bot.slowDown': 'Fueron muchos mensajes en un minuto. Espera un momento y sigue.',
  'bot.viewSource': 'Ver el código',
  'bot.viewSourceHelp':
    'Cada mensaje muestra ahora el paso que lo envió. Abajo: lo que el bot guardó de ti, sus etiquetas y el flujo completo.',
  'bot.variables': 'Variables guardadas',
  'bot.tags': 'Etiquetas',
  'bot.flow': 'El flujo (YAML)',
  'playground.title': 'Constrúyelo tú',
  'playground.checksIntro': 'Tu bot pasa cuando todas estas pruebas salen bien:',
  'playground.alreadyPassed': 'Ya pasaste este ejercicio. Sigue experimentando si quieres.',
  'playground.editorLabel': 'Tu flujo (YAML)',
  'playground.editorHint':
    'Edita el flujo; los problemas aparecen abajo mientras escribes y el teléfono conversa con tu última versión. Tab agrega sangría; pulsa Escape y luego Tab para salir del editor.',
  'playground.problemAt': 'Línea {line}, columna {column}:',
  'playground.noProblems': 'No hay problemas.',
  'playground.run': 'Correr las pruebas',
  'playground.checkPassed': 'Pasó',
  'playground.checkFailed': 'Falló',
  'playground.allPassed': 'Todas las pruebas pasaron. ¡Ejercicio completo!',
  'playground.someFailed':
    'Algunas pruebas fallaron. Lee por qué, corrige el flujo y vuelve a correrlas.',
  'playground.fixFirst': 'Primero corrige los errores del flujo y luego corre las pruebas.',
  'playground.saved': 'Borrador guardado.',
  'playground.flow-too-slow':
    'Tu flujo tardó demasiado en ejecutarse. Busca pasos que se repiten o mensajes que crecen y vuelve a intentarlo.',
  'playground.flow-too-big':
    'Tu flujo usó demasiada memoria. Acorta los mensajes largos y los valores de las tablas y vuelve a intentarlo.',
  'playground.flow-runner-busy':
    'Mucha gente está ejecutando flujos en este momento. Espera unos segundos y vuelve a intentarlo.',
  'playground.flow-runner-unavailable':
    'Ahora no se pueden revisar los flujos: el servidor no pudo iniciar la parte que los ejecuta. Vuelve a intentarlo más tarde y avisa a quienes organizan el curso si sigue pasando.',
  'playground.enrollToUse': 'Inscríbete en el curso para usar el espacio de práctica.',

  'testimonial.title': 'Cuenta tu experiencia',
  'testimonial.lead':
    'Terminaste el curso. Unas frases sinceras ayudan a otras personas organizadoras a decidir si es para ellas. Alguien del equipo revisa cada testimonio antes de publicarlo en la página del curso.',
  'testimonial.quote': 'Tu testimonio',
  'testimonial.quoteHint': 'De 20 a 600 caracteres. ¿Qué cambió en tu trabajo gracias al curso?',
  'testimonial.name': 'Nombre que se mostrará',
  'testimonial.nameHint': 'Tu nombre completo, solo el nombre o tus iniciales: tú decides.',
  'testimonial.role': 'Cargo (opcional)',
  'testimonial.organization': 'Organización (opcional)',
  'testimonial.consent':
    'Acepto que este testimonio, con el nombre, cargo y organización de arriba, se publique en este sitio.',
  'testimonial.submit': 'Enviar para revisión',
  'testimonial.thanks':
    '¡Gracias! Tu testimonio aparecerá en la página del curso cuando el equipo lo apruebe.',
  'testimonial.cta': 'Deja un testimonio',
  'admin.testimonials': 'Testimonios',
  'admin.pending': '{count} por revisar',
  'admin.approved': '{count} publicados',
  'admin.nothingPending': 'No hay nada por revisar ahora.',
  'admin.approve': 'Aprobar',
  'admin.reject': 'Rechazar',
  'error.not-finished': 'Solo quienes terminaron el curso pueden dejar un testimonio.',
  'error.quote-invalid': 'Tu testimonio debe tener entre 20 y 600 caracteres.',
  'error.field-too-long': 'Este campo es demasiado largo.',
  'error.consent-required': 'Acepta la publicación, o sal de la página sin enviar.',

  'error.unexpected': 'Algo salió mal. Inténtalo de nuevo.',
  'error.bad-request': 'La solicitud no era válida. Regresa e inténtalo de nuevo.',
  'error.form-too-large':
    'Ese formulario era demasiado grande. Regresa, acorta lo que escribiste y vuelve a enviarlo.',
  'error.form-unreadable':
    'Eso no era un formulario que esta página pueda leer. Regresa a la página y envía el formulario desde allí.',
  'error.cross-site':
    'Este formulario se envió desde otro sitio web, así que se rechazó y no se cambió nada. Vuelve a la página, recárgala y envía el formulario otra vez.',
  'error.database-unavailable':
    'Botcamp no puede conectarse con su base de datos en este momento. No se cambió nada. Vuelve a intentarlo en un minuto.',
  'error.login-required': 'Primero entra a tu cuenta.',
  'error.course-not-found': 'Ese curso no existe.',
  'error.lesson-not-found': 'Esa lección no existe.',
  'error.quiz-not-found': 'Esa pregunta de repaso no existe.',
  'error.not-enrolled': 'No estás inscrito o inscrita en este curso.',
  'error.quiz-required':
    'Responde bien la pregunta de repaso de esta lección antes de completarla.',
  'error.course-not-free': 'Este curso no es gratis. Hay que pagar para inscribirse.',
  'error.already-enrolled': 'Ya estás en este curso.',
};

import { authMessages } from './messages/auth';
import { paymentMessages } from './messages/payments';

/**
 * English interface strings: the reference dictionary. Other locales are typed against these
 * keys (see es.ts), so a key missing in any locale fails `npm run check`.
 * Placeholders are `{name}`; plural-sensitive strings carry the count in the key's text.
 */
export const en = {
  ...authMessages.en,
  ...paymentMessages.en,
  'site.name': 'Botcamp',
  'nav.skip': 'Skip to content',
  'nav.label': 'Main',
  'nav.courses': 'Courses',
  'nav.dashboard': 'My learning',
  'nav.admin': 'Admin',
  'nav.reports': 'Course reports',
  'nav.login': 'Log in',
  'nav.logout': 'Log out',
  'nav.signup': 'Sign up',
  'nav.language': 'Switch to {language}',
  'footer.tagline': 'self-paced courses with working chatbots inside the lessons.',
  'footer.values': 'Participation values',
  'footer.source': 'Open source, self-hosted',

  'catalog.title': 'Learn to organize with chatbots',
  'catalog.lead':
    'Self-paced courses for organizers, unions and campaigns, with bots you can chat with and build right in the lesson.',
  'catalog.description':
    'Self-paced courses for organizers, unions and electoral campaigns, with hands-on chatbot sandboxes.',
  'catalog.coursesHeading': 'Courses',
  'catalog.empty': 'No courses are published yet.',

  'level.beginner': 'Beginner',
  'level.intermediate': 'Intermediate',
  'level.advanced': 'Advanced',
  'price.free': 'Free',
  'price.pwyc': 'Pay what you can from {minimum} (suggested {suggested})',

  'course.lessonCount': '{count, plural, one {# lesson} other {# lessons}}',
  'course.moduleNumber': 'Module {number}',
  'course.preview': 'Free preview',
  'course.outcomes': 'What you will be able to do',
  'course.curriculum': 'Curriculum',
  'course.curriculumIntro':
    '{modules, plural, one {# module} other {# modules}}, {lessons, plural, one {# lesson} other {# lessons}}, about {time} in all. Take them at your own pace.',
  'course.instructors': 'Your instructors',
  'course.testimonials': 'What learners say',
  'course.faq': 'Frequently asked questions',
  'course.readyTitle': 'Ready to start?',
  'testimonials.sampleBadge': 'Sample',
  'testimonials.sampleNote':
    'Testimonials marked “Sample” come from fictional learners and show how this section will look; real ones are collected from learners who finish the course.',
  'share.title': 'Share this course',
  'share.email': 'E-mail',
  'share.newWindow': '(opens in a new window)',
  'share.copy': 'Copy link',
  'share.copied': 'Link copied.',
  'share.copyFailed':
    'Copying did not work here: the link is selected, copy it with your device’s copy command.',
  'share.print': 'Print or save as PDF',
  'translation.notAvailable':
    'This course is not yet available in your language, so it is shown in its original language.',
  'translation.lessonNotAvailable':
    'This lesson has not been translated yet, so it is shown in its original language.',
  'translation.inLanguage': 'in {language}',
  'language.en': 'English',
  'language.es': 'Spanish',

  'cta.startFree': 'Start learning for free',
  'cta.signUpToEnroll': 'Create an account to enroll',
  'cta.haveAccount': 'Already have an account?',
  'cta.enrollFree': 'Enroll for free',
  'cta.buy': 'Enroll',
  'cta.paymentsUnavailable':
    'Online payment is not available yet. The organizers can enroll you directly: write to them and they will set you up.',
  'cta.continue': 'Continue where you left off',
  'cta.start': 'Start the first lesson',
  'cta.review': 'Review the course',
  'cta.staffAccess': 'As staff you can open every lesson without enrolling.',
  'cta.selfPaced': 'Self-paced: start now, no end date.',
  'enroll.done':
    'You are enrolled in {course}. From now on your progress, quiz answers and chats are saved; find the course under “My learning”.',
  'progress.label': '{percent} complete',

  'lesson.outline': 'Course outline',
  'lesson.completed': 'You completed this lesson.',
  'lesson.completedShort': 'Completed',
  'lesson.complete': 'Mark complete',
  'lesson.completeAndContinue': 'Mark complete and continue',
  'lesson.undo': 'Mark as not complete',
  'lesson.quizRequired':
    '{count, plural, one {Answer the knowledge check in this lesson correctly to complete it.} other {Answer all # knowledge checks in this lesson correctly to complete it.}}',
  'lesson.quizMissing':
    '{left, plural, one {To complete this lesson, first answer this knowledge check correctly:} other {To complete this lesson, first answer these # knowledge checks correctly:}}',
  'lesson.position': 'Lesson {number} of {total}',
  'lesson.previewNote': 'You are reading a free preview.',
  'lesson.previewCta': 'Enroll to take the whole course and track your progress.',
  'lesson.pager': 'Lessons',
  'lesson.table': 'Table',
  'lesson.previous': 'Previous',
  'lesson.next': 'Next',
  'lesson.forbidden': 'This lesson is part of the course. Enroll to open it.',
  'lesson.forbiddenCta': 'See the course and enroll',
  'callout.tip': 'Tip',
  'callout.note': 'Note',
  'callout.warning': 'Watch out',
  'callout.rule': 'The rule',
  'keywords.en': 'English opt-out keywords',
  'keywords.es': 'Spanish opt-out words',
  'keywords.examples': 'Plain-language requests that also count, for example',
  'lesson.sources': 'Sources',
  'lesson.reviewed':
    'The rules in this lesson were last checked against these sources on {date}. They change; check the current text before you rely on them.',
  'quiz.heading': 'Knowledge check',
  'quiz.check': 'Check my answer',
  'quiz.tryAgain': 'Answer again',
  'quiz.correct': 'Correct.',
  'quiz.incorrect': 'Not quite.',
  'quiz.yourAnswer': 'Your answer',
  'quiz.hint': 'Read the options again and try once more.',
  'quiz.notSaved': 'Your answer is checked but not saved, because you are not enrolled.',

  'dashboard.title': 'My learning',
  'dashboard.greeting': 'Welcome back, {name}',
  'dashboard.empty': 'You are not enrolled in any course yet.',
  'dashboard.browse': 'Browse courses',
  'dashboard.certificate': 'View certificate',
  'dashboard.reset': 'Erase my progress…',
  'erase.title': 'Erase your progress in {course}?',
  'erase.what':
    'You have completed {percent} of this course. Erasing removes every lesson you marked complete and every knowledge-check answer in it. This cannot be undone.',
  'erase.kept':
    'You stay enrolled and can start again at once, and a certificate already issued stays valid.',
  'erase.keep': 'Keep my progress',
  'erase.confirm': 'Erase my progress',
  'erase.done': 'Your progress in {course} was erased. Start again whenever you like.',

  'signup.title': 'Create your account',
  'signup.lead': 'One account for every course. Free courses start with one click.',
  'notice.account-ready': 'Your account is ready and you are signed in. Welcome to Botcamp!',
  'signup.howItWorks':
    'We will e-mail you a link to choose your password. That proves the address is yours before anyone can sign in with it.',
  'signup.sentTitle': 'Check your inbox',
  'signup.sent':
    'We sent a message to {email}. Open the link in it within 24 hours to choose your password and finish. If the address already has an account, the message says so instead: nobody else is told.',
  'signup.sentNoMail':
    'This site has no mail server set up yet, so nothing was sent: the link is in the server’s log, and the admin outbox (/admin/outbox) lists the message. Ask whoever runs this site, or, if that is you, look in the terminal where the server runs.',
  'signup.sentAgain':
    'Nothing arrived after a few minutes? Look in your spam folder, or fill in the form again for a new link.',
  'signup.acceptValues': 'I have read and accept the',
  'signup.submit': 'Create account',
  'signup.haveAccount': 'Already have an account?',
  'login.title': 'Log in',
  'login.submit': 'Log in',
  'login.forgot': 'Forgot your password?',
  'login.noAccount': 'New here?',
  'login.afterReset': 'Your password was changed. Log in with the new one.',
  'login.forLessonTitle': 'This lesson is for enrolled learners',
  'login.forLessonBody':
    'The free previews end here. To read on, create an account and enroll in the course; if you already have an account, log in below.',
  'login.forLessonSignup': 'Create an account',
  'login.forLessonHaveAccount': 'Already have an account? Log in',
  'forgot.title': 'Reset your password',
  'forgot.lead':
    'Enter the e-mail address of your account and we will send you a link to choose a new password.',
  'forgot.submit': 'Send the link',
  'forgot.sent':
    'If an account exists for that address, a link to reset the password is on its way. It works for one hour.',
  'reset.title': 'Choose a new password',
  'reset.firstTitle': 'Choose your password',
  'reset.firstLead':
    'Your address is confirmed. One step left: the password you will sign in with.',
  'reset.firstSubmit': 'Save and sign in',
  'reset.submit': 'Save the new password',
  'reset.requestNew': 'Request a new link',
  'field.displayName': 'Your name',
  'field.displayNameHint': 'As it should appear on your certificate.',
  'field.email': 'E-mail address',
  'field.password': 'Password',
  'field.passwordHint':
    'At least 10 characters, not a well-known password, and without your name or the first part of your e-mail address. A few unrelated words make a strong one.',
  'field.currentPassword': 'Current password',
  'field.newPassword': 'New password',
  'account.title': 'Your account',
  'account.signedInAs': 'Signed in as {email}.',
  'account.changePassword': 'Change password',
  'account.passwordChanged': 'Your password was changed and your other sessions were logged out.',
  'account.sessions': 'Sessions',
  'account.sessionsLead':
    'Lost a phone or used a shared computer? Log out of Botcamp on every device at once.',
  'account.logoutEverywhere': 'Log out everywhere',

  'certificate.title': 'Certificate: {course}',
  'certificate.kicker': 'Certificate of completion',
  'certificate.certifies': 'This certifies that',
  'certificate.completed': 'has completed the course',
  'certificate.issued': 'Issued {date}',
  'certificate.verify': 'Verify this certificate at',
  'certificate.congrats':
    'Congratulations, you finished the course! Share this page: anyone with the link can verify it.',
  'certificate.backToCourse': 'Back to the course',
  'certificate.earn':
    'Complete all {total} lessons to earn a certificate with a public link anyone can use to check it. {left, plural, one {# lesson} other {# lessons}} to go.',
  'certificate.shareLabel': 'Link to this certificate',
  'certificate.unknownTitle': 'Certificate not found',
  'certificate.unknownBody':
    'No certificate has this number. Check that the link was copied completely; certificate links are long on purpose.',
  'instructor.teaches': 'Courses',
  'values.description': 'The values everyone who joins our courses is asked to share.',
  'values.version': 'Version {version}, in effect since {date}.',
  'values.updatedTitle': 'Our participation values were updated.',
  'values.updatedBody': 'Please read and accept the new version to keep learning.',
  'values.accept': 'I accept',
  'notFound.title': 'Page not found',
  'notFound.body': 'We could not find that page. It may have moved, or the link may be incomplete.',
  'notFound.courses': 'Our courses',
  'notFound.home': 'Go to the home page',

  'bot.tryIt': 'Try it:',
  'bot.localOnly': '(This chat stays in your browser. Nothing is sent to a real phone.)',
  'bot.channelSms': 'SMS',
  'bot.channelMessenger': 'Messenger',
  'bot.restart': 'Restart',
  'bot.conversation': 'Conversation with {name}',
  'bot.you': 'You',
  'bot.bot': 'Bot',
  'bot.step': 'step',
  'bot.segments':
    '{encoding} · {segments, plural, one {# segment} other {# segments}} · {units, plural, one {# character} other {# characters}}',
  'bot.choices': 'Suggested replies',
  'bot.messageLabel': 'Your message',
  'bot.placeholderSms': 'Text message',
  'bot.placeholderMessenger': 'Aa',
  'bot.send': 'Send',
  'bot.needsJs': 'The chat needs JavaScript turned on.',
  'bot.error': 'The bot could not answer. Check your connection and try again.',
  'bot.startMessenger':
    'On Messenger the person writes first. Say hi (or anything) below to start the conversation.',
  'bot.slowDown': 'That was a lot of messages in a minute. Wait a moment, then carry on.',
  'bot.viewSource': 'View source',
  'bot.viewSourceHelp':
    'Each message now shows the step that sent it. Below: what the bot has saved about you, its tags, and the whole flow.',
  'bot.variables': 'Saved variables',
  'bot.tags': 'Tags',
  'bot.flow': 'The flow (YAML)',
  'playground.title': 'Build it yourself',
  'playground.checksIntro': 'Your bot passes when all of these checks succeed:',
  'playground.alreadyPassed': 'You passed this exercise. Keep experimenting if you like.',
  'playground.editorLabel': 'Your flow (YAML)',
  'playground.editorHint':
    'Edit the flow; problems appear below as you type and the phone chats with your latest version. Tab indents; press Escape, then Tab, to leave the editor.',
  'playground.problemAt': 'Line {line}, column {column}:',
  'playground.noProblems': 'No problems found.',
  'playground.run': 'Run the checks',
  'playground.checkPassed': 'Passed',
  'playground.checkFailed': 'Failed',
  'playground.allPassed': 'Every check passed. Exercise complete!',
  'playground.someFailed': 'Some checks failed. Read why, fix the flow and run them again.',
  'playground.fixFirst': 'Fix the errors in the flow first, then run the checks.',
  'playground.saved': 'Draft saved.',
  'playground.flow-too-slow':
    'Your flow took too long to run. Look for steps that repeat or messages that grow, then try again.',
  'playground.flow-too-big':
    'Your flow used too much memory to run. Shorten long messages and lookup values, then try again.',
  'playground.flow-runner-busy':
    'Many people are running flows right now. Wait a few seconds and try again.',
  'playground.flow-runner-unavailable':
    'Flows cannot be checked right now: the server could not start the part that runs them. Try again later, and tell the course organizers if it keeps happening.',
  'playground.enrollToUse': 'Enroll in the course to use the playground.',

  'testimonial.title': 'Share your experience',
  'testimonial.lead':
    'You finished the course. A few honest sentences help other organizers decide whether it is for them. An admin reviews every testimonial before it appears on the course page.',
  'testimonial.quote': 'Your testimonial',
  'testimonial.quoteHint': '20 to 600 characters. What changed in your work because of the course?',
  'testimonial.name': 'Name to show',
  'testimonial.nameHint': 'Your full name, first name only, or initials: your choice.',
  'testimonial.role': 'Role (optional)',
  'testimonial.organization': 'Organization (optional)',
  'testimonial.consent':
    'I agree that this testimonial, with the name, role and organization above, may be published on this site.',
  'testimonial.submit': 'Send for review',
  'testimonial.thanks':
    'Thank you! Your testimonial will appear on the course page once an admin approves it.',
  'testimonial.cta': 'Leave a testimonial',
  'admin.testimonials': 'Testimonials',
  'admin.pending': '{count} waiting for review',
  'admin.approved': '{count} published',
  'admin.nothingPending': 'Nothing to review right now.',
  'admin.approve': 'Approve',
  'admin.reject': 'Reject',
  'error.not-finished': 'Only learners who finished the course can leave a testimonial.',
  'error.quote-invalid': 'Your testimonial must be 20 to 600 characters long.',
  'error.field-too-long': 'This field is too long.',
  'error.consent-required': 'Please agree to publication, or leave the page without sending.',

  'error.unexpected': 'Something went wrong. Please try again.',
  'error.bad-request': 'That request was not valid. Go back and try again.',
  'error.form-too-large':
    'That form was too large to accept. Go back, shorten what you typed and send it again.',
  'error.form-unreadable':
    'That was not a form this page can read. Go back to the page and send the form from there.',
  'error.cross-site':
    'This form was sent from another website, so it was refused and nothing was changed. Go back to the page, reload it and send the form again.',
  'error.database-unavailable':
    'Botcamp cannot reach its database right now. Nothing was changed. Please try again in a minute.',
  'error.login-required': 'Please log in first.',
  'error.course-not-found': 'That course does not exist.',
  'error.lesson-not-found': 'That lesson does not exist.',
  'error.quiz-not-found': 'That knowledge check does not exist.',
  'error.not-enrolled': 'You are not enrolled in this course.',
  'error.quiz-required': 'Answer this lesson’s knowledge check correctly before completing it.',
  'error.course-not-free': 'This course is not free. Payment is needed to enroll.',
  'error.already-enrolled': 'You are already enrolled in this course.',
} as const;

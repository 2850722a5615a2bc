import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parse as parseYaml } from 'yaml';
import { FREE_COURSE, ROOT, enrolledLearner } from './helpers';

/** rides-starter-es finished the way a Spanish-speaking learner would, with no invalid: text of its own. */
const SOLUTION = `id: rides-starter-es
name: Te Llevamos a Votar
channel: sms
language: es
help: "Te Llevamos a Votar: viajes gratis para votar el 3 de nov. Escribe VIAJE para reservar. Responde STOP para darte de baja."
optOutConfirmation: "Te Llevamos a Votar: ya no te enviaremos mensajes. Responde START para volver a suscribirte."
start: welcome
keywords:
  - match: [VIAJE, VIAJES, RIDE]
    goto: ask-zip
steps:
  welcome:
    say: "Te Llevamos a Votar: escribe VIAJE para reservar un viaje gratis para votar. Responde STOP para darte de baja."
  ask-zip:
    ask: "¿En qué código postal te recogemos?"
    save: zip
    expect: zip
    goto: confirm
  confirm:
    tag: [rider]
    say: "¡Gracias! Te recogemos en el ZIP {{zip}}. Alguien del equipo te escribe pronto."
    end: true
`;

test('a learner passes the rides exercise in Spanish, reading every problem and explanation in Spanish', async ({
  page,
}) => {
  await enrolledLearner(page);
  await page.goto(`/es/courses/${FREE_COURSE}/lessons/get-out-the-vote`);
  const playground = page.locator('bot-playground');
  const editor = playground.getByRole('textbox', { name: 'Tu flujo (YAML)' });
  await expect(editor).toHaveValue(/id: rides-starter-es/);
  const checks = (
    parseYaml(readFileSync(join(ROOT, 'content/bots/rides-exercise-es.yaml'), 'utf8')) as {
      checks: { name: string }[];
    }
  ).checks;
  const run = async () => {
    const response = page.waitForResponse(
      (r) =>
        new URL(r.url()).pathname === '/api/exercises/rides-exercise-es' &&
        r.request().postDataJSON()?.action === 'run',
    );
    await playground.getByRole('button', { name: 'Correr las pruebas' }).click();
    expect((await response).status()).toBe(200);
  };

  await run();
  await expect(
    playground.getByText(
      'Algunas pruebas fallaron. Lee por qué, corrige el flujo y vuelve a correrlas.',
    ),
  ).toBeVisible();
  const failed = playground
    .getByRole('listitem')
    .filter({ hasText: `✗ Falló: ${checks[0]!.name}` });
  await expect(failed).toContainText(/Después de “VIAJE”, el bot dijo “.*”, y eso no coincide con/);

  // A typo in a goto, in a flow that no longer says language: es. The problems follow the
  // exercise, so they read in Spanish as the learner types, when the checks run, and after a
  // reload, when the page lints the saved draft itself.
  const typo = SOLUTION.replace('language: es\n', '').replace(
    '    goto: confirm',
    '    goto: confrim',
  );
  const typoLine = typo.split('\n').findIndex((line) => line.includes('goto: confrim')) + 1;
  const problem = playground.locator('.lint').getByRole('listitem');
  // \s*: the server-rendered list has layout whitespace around each problem, the script's has none.
  const typoProblems = [
    new RegExp(
      `^\\s*Línea ${typoLine}, columna \\d+: No hay ningún paso llamado "confrim"\\.\\s*$`,
    ),
    /^\s*Línea \d+, columna \d+: No se puede llegar al paso "confirm" desde start, fallback ni ninguna palabra clave\.\s*$/,
  ];
  await editor.fill(typo);
  await expect(problem).toHaveText(typoProblems);
  await expect(playground.getByText('Borrador guardado.')).toBeVisible();
  await run();
  await expect(
    playground.getByText('Primero corrige los errores del flujo y luego corre las pruebas.'),
  ).toBeVisible();
  await expect(problem).toHaveText(typoProblems);
  await page.reload();
  await expect(editor).toHaveValue(/goto: confrim/);
  await expect(problem).toHaveText(typoProblems);

  const linted = page.waitForResponse(
    (r) =>
      new URL(r.url()).pathname === '/api/exercises/rides-exercise-es' &&
      r.request().postDataJSON()?.action === 'lint',
  );
  await editor.fill(SOLUTION);
  expect((await linted).status()).toBe(200);
  await expect(playground.getByText('No hay problemas.')).toBeVisible();
  await run();
  await expect(
    playground.getByText('Todas las pruebas pasaron. ¡Ejercicio completo!'),
  ).toBeVisible();
  for (const check of checks)
    await expect(playground.getByText(`✓ Pasó: ${check.name}`)).toBeVisible();
  await expect(
    playground.getByRole('listitem').filter({ hasText: `✓ Pasó: ${checks[1]!.name}` }),
  ).toContainText(
    'Después de “STOP”, el bot dijo “Te Llevamos a Votar: ya no te enviaremos mensajes',
  );

  // The phone runs the learner's bot: a wrong ZIP gets the engine's re-ask, in Spanish.
  const phone = playground.getByRole('log');
  const say = async (text: string) => {
    await playground.getByRole('textbox', { name: 'Tu mensaje' }).fill(text);
    await playground.getByRole('button', { name: 'Enviar' }).click();
  };
  await say('VIAJE');
  await say('en mi casa');
  await expect(phone.getByRole('listitem').last()).toContainText(
    'Responde con un código postal (ZIP) de 5 cifras, por ejemplo 94110.',
  );

  await page.reload();
  await expect(
    playground.getByRole('status').filter({ hasText: 'Ya pasaste este ejercicio.' }),
  ).toBeVisible();
});

/**
 * Flows built to be expensive, in the shape a hostile learner would send to the playground: a
 * long lookup value interpolated many times in one message, in a step that jumps back to itself.
 */

/** A flow of about `kilobytes` KB whose every turn would multiply text without limits. */
export function multiplyingFlow(kilobytes = 5.6, channel: 'sms' | 'messenger' = 'sms'): string {
  const value = 'x'.repeat(Math.round(kilobytes * 1024 * 0.6));
  const say = '{{v}}'.repeat(Math.round((kilobytes * 1024 * 0.35) / 5));
  return [
    'id: boom',
    'name: Boom',
    `channel: ${channel}`,
    'help: "Boom. Reply STOP to opt out."',
    'start: a',
    'keywords:',
    '  - match: [GO]',
    '    goto: a',
    'lookups:',
    '  t:',
    `    k: "${value}"`,
    'steps:',
    '  a:',
    '    lookup: { table: t, key: k, save: v }',
    `    say: "${say}"`,
    '    tag: ["{{v}}{{v}}{{v}}"]',
    '    goto: b',
    '  b:',
    '    say: "again {{v}}"',
    '    goto: a',
    '',
  ].join('\n');
}

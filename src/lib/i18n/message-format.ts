/** Built once per locale: constructing Intl.PluralRules costs far more than using it. */
const rulesByLocale = new Map<string, Intl.PluralRules>();
function pluralRules(locale: string): Intl.PluralRules {
  let rules = rulesByLocale.get(locale);
  if (!rules) rulesByLocale.set(locale, (rules = new Intl.PluralRules(locale)));
  return rules;
}

/**
 * Fills a message template: `{name}` placeholders, and plural choices in the ICU form
 * `{count, plural, one {# lesson} other {# lessons}}`, chosen by `Intl.PluralRules` for the
 * locale (`#` is the number). Pure, so the browser's chat widget formats with it too.
 * @example formatMessage('en', '{n, plural, one {# segment} other {# segments}}', { n: 1 }) // '1 segment'
 * @example formatMessage('es', '{n, plural, one {# lección} other {# lecciones}}', { n: 16 }) // '16 lecciones'
 */
export function formatMessage(
  locale: string,
  template: string,
  params: Record<string, string | number> = {},
): string {
  const rules = pluralRules(locale);
  const plural =
    /\{(\w+), plural,((?:\s*(?:=\d+|zero|one|two|few|many|other)\s*\{[^{}]*\})+)\s*\}/g;
  const filled = template.replace(plural, (whole, name: string, choices: string) => {
    const value = Number(params[name]);
    if (!Number.isFinite(value)) return whole;
    const options = new Map(
      [...choices.matchAll(/(=\d+|zero|one|two|few|many|other)\s*\{([^{}]*)\}/g)].map((m) => [
        m[1]!,
        m[2]!,
      ]),
    );
    const text =
      options.get(`=${value}`) ?? options.get(rules.select(value)) ?? options.get('other') ?? '';
    return text.replace(/#/g, String(value));
  });
  return filled.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}

/**
 * The length of `text` as every Reachout counter and validator counts it: UTF-16 code units
 * (`String#length`). Meta's documentation gives the Cloud API's limits (header 60, body 1024,
 * footer 60...) in "characters" without saying which unit, so Reachout counts the strictest one:
 * an emoji such as `👍` counts 2, `👍🏽` 4, `é` written as `e` + combining accent 2. Whatever a
 * counter shows as within its limit, no validator (the wizard, `validateTemplateParameters`, the
 * schemas, a provider) refuses, and WhatsApp counts it at most as long.
 *
 * @example
 * countCharacters('Olá 👋'); // 6
 */
export function countCharacters(text: string): number {
  return text.length;
}

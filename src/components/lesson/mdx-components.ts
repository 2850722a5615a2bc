import BotPlayground from '~/components/bot/BotPlayground.astro';
import SandboxBot from '~/components/bot/SandboxBot.astro';
import Callout from './Callout.astro';
import Figure from './Figure.astro';
import LessonCode from './LessonCode.astro';
import LessonTable from './LessonTable.astro';
import OptOutKeywords from './OptOutKeywords.astro';
import Quiz from './Quiz.astro';

/** Components lessons may use without importing them; every lesson page passes this map. */
export const lessonComponents = {
  Callout,
  Figure,
  OptOutKeywords,
  Quiz,
  SandboxBot,
  BotPlayground,
  table: LessonTable,
  pre: LessonCode,
};

/** The quiz modes and the default length: what `amgi quiz` checks its flags against, without loading the quiz itself. */
export const QUIZ_MODES = ['choice', 'typed', 'order', 'cloze', 'interview', 'mixed'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];
/** Other names `--mode` takes: mc is what people call multiple choice. */
export const QUIZ_MODE_ALIASES: Readonly<Record<string, QuizMode>> = { mc: 'choice' };

export function isQuizMode(value: string): value is QuizMode {
  return (QUIZ_MODES as readonly string[]).includes(value);
}

export const DEFAULT_QUIZ_COUNT = 10;

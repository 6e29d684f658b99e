/** The quiz modes and the default length: what `amgi quiz` checks its flags against, without loading the quiz itself. */
export const QUIZ_MODES = ['choice', 'typed', 'order', 'cloze', 'interview', 'mixed'] as const;
export type QuizMode = (typeof QUIZ_MODES)[number];

export function isQuizMode(value: string): value is QuizMode {
  return (QUIZ_MODES as readonly string[]).includes(value);
}

export const DEFAULT_QUIZ_COUNT = 10;

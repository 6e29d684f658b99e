/** English interface text. ko.ts has the same shape (the Messages type enforces it). */
import type { Command } from '../keymap.js';
import { cliEn } from '../../core/i18n/cliEn.js';

/** "2026-12-13" → "12/13". */
export const monthDay = (date: string): string => date.slice(5).split('-').map(Number).join('/');

export const en = {
  appName: 'amgi 암기',
  /** The command line, the store's notices, deck problems (core/i18n/cliEn.ts). */
  cli: cliEn,
  firstRun: 'Docker flashcards with spaced repetition — Enter: review · /: search · ?: keys',
  streak: (n: number) => `streak ${n} ${n === 1 ? 'day' : 'days'}`,
  /** Home's header: answers given today (a card answered twice counts twice), as `amgi stats` says. */
  doneToday: (n: number) => `${n} ${n === 1 ? 'answer' : 'answers'} today`,
  /** Home: today's work, from the learner's own median time per answer. */
  estimate: (answers: number, minutes: number) => `today ≈ ${answers} answers · ${minutes} min`,
  /**
   * Home, while an interview plan is under way: today's load as one summary, the review's and the
   * plan's (a cram's answers) under one label, each named by the menu entry that does it.
   */
  todayLabel: 'Today: ',
  todayReview: (answers: number, minutes: number) => `Review ≈ ${answers} answers · ${minutes} min`,
  /** `short`: without "answers" (or "for today"), when the line would not fit (40 columns). */
  todayPlan: (days: number, today: number, short: boolean) =>
    `Cram ${today ? `≈ ${today}${short ? '' : ' answers'}` : `done${short ? '' : ' for today'}`} · interview ${days === 0 ? 'D-day' : `D-${days}`}`,
  /** Home, after missed days: reviews due beyond today's limit wait for the next days. */
  backlog: (n: number, days: number) => `${n} overdue, spread over ${days} days`,
  deckCounts: {
    new: 'new',
    learning: 'learn',
    due: 'due',
    deck: 'Deck',
    /** Beside "Deck" when the table is cut short: "↓ 6 more", "↑ 1 ↓ 5 more" (Tab reaches them). */
    hidden: (arrows: string) => `${arrows} more`,
  },
  noDecks: 'No decks found. Put deck files in $AMGI_HOME/decks or use --decks DIR.',
  deckProblems: (n: number) => `${n} deck ${n === 1 ? 'file has' : 'files have'} problems (x to dismiss):`,
  allDecks: 'All decks',
  menu: {
    review: 'Review',
    cram: 'Cram',
    quiz: 'Quiz',
    search: 'Search',
    stats: 'Stats',
    settings: 'Settings',
    help: 'Help',
    quit: 'Quit',
    /** The card browser (issue 15). */
    browse: 'Cards',
    /** Shown under a menu cut short by a small terminal. */
    more: (n: number) => `↑/↓ ${n} more`,
  },
  review: {
    title: 'Review',
    cramTitle: 'Cram',
    /** A cram that reschedules: Card → r (one card, a review of it now), or `amgi cram --reschedule`. */
    rescheduleTitle: (cards: number): string => (cards === 1 ? 'Review · this card' : 'Cram · reschedules'),
    /** Its first notice: unlike a cram, the answers count. */
    movesSchedule: 'Answers move the schedule.',
    revealHint: 'Space/Enter: show answer',
    /**
     * A typed or cloze card answered by typing (Settings: type answers in review). Letters are the
     * answer's (USER, stop, bridge): u, s, b, q act once the answer shows; Esc leaves at once.
     */
    typeHint: 'Enter check · empty Space: show answer (then u undo) · Esc back',
    /** The same under 63 columns, within 40: "Type" first, as u, s, b, q type into the field here. */
    typeHintNarrow: 'Type, Enter · Space: answer · Esc back',
    emptyAnswer: 'Nothing typed, nothing checked · Space: show answer',
    /** After a typed answer: the grade the verdict suggests, taken by Space/Enter. */
    close: 'Close: one letter off.',
    suggested: (grade: string) => `Space/Enter: ${grade} (judged) · 1–4 your own grade`,
    answerLabel: 'Answer',
    noteLabel: 'Note',
    sourceLabel: 'Source',
    stepsLabel: 'Steps',
    pointsLabel: 'Key points',
    choiceLabel: 'Correct answer',
    typedLabel: 'Answer',
    reverse: 'reverse',
    grades: { 1: 'Again', 2: 'Hard', 3: 'Good', 4: 'Easy' } as Record<1 | 2 | 3 | 4, string>,
    /** What undo took back, each fitting 40 columns with a few letters of the card: an answer, a suspend, a bury. */
    undone: (card: string, what: 'answer' | 'suspend' | 'bury') => (what === 'answer' ? `Undone: “${card}”. Answer it again.` : what === 'suspend' ? `Unsuspended: “${card}” is back.` : `Unburied: “${card}” is back.`),
    nothingToUndo: 'Nothing to undo in this session.',
    otherWindow: 'Answered in another window: skipped.',
    /** Say how to bring it back (walkthrough B10): u now; `unsuspendLater` on a second line. */
    suspended: 'Suspended. Now: u brings it back.',
    /** As the suspend notice, how to take it back; whole at 40 columns (the footer row is cut). */
    buried: 'Buried until tomorrow. u brings it back.',
    leech: 'A leech (keeps slipping): suspended. Rewrite it.',
    /** Under a suspend notice: the CLI command whole, then the card browser when the row has room. */
    unsuspendLater: (id: string) => `Later: \`amgi unsuspend ${id}\` or Home → Cards → Enter → s`,
    /** Where that does not fit one row (40 columns): this and the command only (it names the card). */
    later: 'Later:',
    more: (n: number) => `↓ ${n} more`,
    /** Rows scrolled off above (the quiz's scrolling body). */
    moreAbove: (n: number) => `↑ ${n} more`,
    doneTitle: 'Session done',
    nothingDue: 'Nothing due right now.',
    /** Answers, not cards: a new card is usually answered twice (walkthrough B7). */
    summary: (answers: number, accuracy: string, time: string) => `${answers} ${answers === 1 ? 'answer' : 'answers'} · ${accuracy} correct · ${time}`,
    nextDue: (when: string) => `Next review due ${when}.`,
    learningLater: (n: number, when: string) => `${n} learning ${n === 1 ? 'card comes' : 'cards come'} back later today (next ${when}).`,
    tomorrow: (fresh: number, due: number) => `Tomorrow: ${fresh} new · ${due} due.`,
    /** Interview plan header: "Interview D-10 · 12/13". */
    planTitle: (days: number, date: string) => `Interview ${days === 0 ? 'D-day' : `D-${days}`} · ${monthDay(date)}`,
    planPreview: (perDay: number) => `Plan: ≈ ${perDay} answers a day to the interview · reschedules, brings in new cards`,
    noneScheduled: 'No cards scheduled.',
    doneHint: 'q: back · u: undo the last answer',
    doneHintBack: 'q: back',
    hint: 'u undo · s suspend · b bury · ? keys · q back',
    cramHint: 'u undo · ? keys · q back',
  },
  search: {
    title: 'Search',
    placeholder: 'type a word, 초성 (ㄹㅇㅇ) or English',
    indexing: 'Building the search index…',
    noResults: 'No matches.',
    results: (n: number, atLeast = false) => `${n}${atLeast ? '+' : ''} ${n === 1 && !atLeast ? 'match' : 'matches'}`,
    hint: '↑/↓ move · Enter open · Esc back',
    /** Under `#` or `deck:` typed alone, above the tags or decks that exist. */
    choose: 'Enter puts it in the search',
    cards: (n: number) => `${n} ${n === 1 ? 'card' : 'cards'}`,
  },
  card: { title: 'Card', tags: 'Tags', deck: 'Deck', notFound: 'This card no longer exists.' },
  settings: {
    title: 'Settings',
    newPerDayAll: 'New/day, all decks',
    reviewsPerDayAll: 'Reviews/day, all decks',
    newPerDay: 'New/day, per deck',
    reviewsPerDay: 'Reviews/day, per deck',
    retention: 'Desired retention',
    dayStartHour: 'Day starts at (hour)',
    thinkSeconds: 'Interview think time',
    typeAnswers: 'Type answers in review',
    onOff: { on: 'on', off: 'off' },
    language: 'Language',
    languageValues: { auto: 'auto (from LANG)', ko: '한국어', en: 'English' } as Record<'auto' | 'ko' | 'en', string>,
    /** The language row while --lang decides it: "한국어 (--lang)". */
    languageFlag: (value: string) => `${value} (--lang)`,
    /** After the language's explanation while --lang decides it. */
    flagExplain: 'Set by --lang for now; a change is saved and used at once.',
    saved: 'Saved.',
    /** The footer: Shift steps by 10 on the daily limits only; other rows just change. */
    hint: { limit: '↑/↓ choose · ←/→ ±1 · Shift+←/→ ±10 · Esc back', other: '↑/↓ choose · ←/→ change · Esc back' },
    /** One line under the list: what the highlighted setting does. */
    explain: {
      newPerDayAll: 'New cards a day in an All decks review, counted over every deck together.',
      reviewsPerDayAll: 'Reviews a day in an All decks review, counted over every deck together.',
      newPerDay: 'New cards a day per deck; this cap holds inside an All decks review too.',
      reviewsPerDay: 'Reviews a day per deck; this cap holds inside an All decks review too.',
      retention: 'Chance of remembering a card when it comes back; higher means more reviews.',
      dayStartHour: 'When a new study day begins (answers before it count for the day before).',
      thinkSeconds: 'Time to think before the model answer in a mock interview.',
      typeAnswers: 'Typed and cloze cards in review are answered by typing (Space on an empty field still reveals).',
      language: 'Language of the interface (cards stay as written).',
    } as Record<'newPerDayAll' | 'reviewsPerDayAll' | 'newPerDay' | 'reviewsPerDay' | 'retention' | 'dayStartHour' | 'thinkSeconds' | 'typeAnswers' | 'language', string>,
  },
  help: {
    title: 'Keys',
    close: 'any key closes this',
    closeScroll: '↑/↓ scroll · any other key closes this',
    commands: {
      quit: 'quit now (progress is saved)',
      back: 'back (on Home: q quits)',
      help: 'this help',
      search: 'search',
      continue: 'show the answer; once shown: Good',
      gradeAgain: 'Again (forgot)',
      gradeHard: 'Hard',
      gradeGood: 'Good',
      gradeEasy: 'Easy',
      undo: 'undo the last answer',
      suspend: 'suspend the card',
      bury: 'bury until tomorrow',
      scrollUp: 'scroll up',
      scrollDown: 'scroll down',
      pageUp: 'page up',
      pageDown: 'page down',
      listUp: 'previous result',
      listDown: 'next result',
      open: 'open',
      menuUp: 'move up',
      menuDown: 'move down',
      increase: 'increase',
      decrease: 'decrease',
      increaseMore: 'increase by 10 (daily limits)',
      decreaseMore: 'decrease by 10 (daily limits)',
      dismiss: 'dismiss the notice',
      focusNext: 'next field / list (Tab)',
      focusPrev: 'previous field / list',
      optionNext: 'next value',
      optionPrev: 'previous value',
      browseResults: 'show these results in Cards (filters, sort)',
      toggleSuspend: 'suspend / unsuspend the card',
      toggleBury: 'bury until tomorrow / unbury',
      forget: 'reset to new (asks first; u undoes it)',
      studyCard: 'review this card now',
      quizCard: 'quiz on this card now',
      deleteBack: 'delete a character',
      clearField: 'clear the field',
      cursorLeft: 'cursor left',
      cursorRight: 'cursor right',
      cursorStart: 'to the start',
      cursorEnd: 'to the end',
      option1: 'choose option 1',
      option2: 'choose option 2',
      option3: 'choose option 3',
      option4: 'choose option 4',
      pickUp: 'pick up / put down the step',
      moveItemUp: 'move the step up',
      moveItemDown: 'move the step down',
      accept: 'yes: count the near miss as right',
      reject: 'no: count it as wrong',
      overruleRight: 'I was right: record it as right',
      overruleWrong: 'I was wrong: record it as wrong',
      drillAgain: 'drill the missed cards again',
      check: 'check the answer, or pick the highlighted option',
      next: 'next question',
      reveal: 'show the model answer now',
      nextPanel: 'next panel',
      prevPanel: 'previous panel',
    } as Record<Command, string>,
  },
  footer: { home: 'Enter select · / search · ? keys · q quit', quitHint: 'q to quit', back: 'q back · ? keys' },
  time: { s: 's', m: 'm', h: 'h', d: 'd', mo: 'mo', y: 'y', in: (span: string) => `in ${span}`, now: 'now' },
  error: (message: string) => `Something went wrong: ${message}`,
  quiz: {
    title: 'Quiz',
    modes: { choice: 'Multiple choice', typed: 'Typed answer', order: 'Order', cloze: 'Cloze', interview: 'Mock interview', mixed: 'Mixed' } as Record<
      'choice' | 'typed' | 'order' | 'cloze' | 'interview' | 'mixed',
      string
    >,
    progress: (i: number, n: number) => `${i}/${n}`,
    round: (n: number) => `round ${n}`,
    right: (n: number) => `${n} right`,
    empty: 'No card in this selection fits this quiz. Try another --mode, deck or tag.',
    /** Typed quiz with fewer cards to type than --count: only cards whose answer is one term are typed. */
    typedShort: (n: number, count: number) => `Only ${n} ${n === 1 ? 'card' : 'cards'} here ${n === 1 ? 'has' : 'have'} an answer to type (${count} asked).`,
    /** Any other quiz with fewer questions than --count (a choice needs distractors, an interview an interview card…). */
    fewerQuestions: (n: number, count: number) => `Only ${n} ${n === 1 ? 'question' : 'questions'} here for this quiz (${count} asked).`,
    correct: 'Right!',
    wrong: 'Not quite.',
    close: 'Close: one letter off. Count it as right? (y/n)',
    closeAccepted: 'Counted as right (close).',
    acceptHint: 'y count as right · n wrong',
    you: 'You',
    answer: 'Answer',
    note: 'Note',
    /** `n` options: the number keys past the last one do nothing. */
    choiceHint: (n: number) => `1–${n} or ↑/↓ + Enter`,
    typeHint: 'Enter check · empty Space: show answer',
    /** Enter on an empty typed answer: not graded; Space there gives up (one line at 40 columns). */
    emptyAnswer: 'Not graded · Space: see answer (a miss)',
    gap: (i: number, n: number) => `gap ${i}/${n}`,
    revealed: 'revealed',
    orderHint: 'Space pick up · ↑/↓ move · Enter check',
    /** While a step is picked up (≡): Space puts it down, ↑/↓ carry it. */
    orderHoldingHint: 'Space drop · ↑/↓ move it · Enter check',
    holding: 'holding',
    orderScore: (r: number, n: number) => `${r}/${n} in the right place`,
    rightOrder: 'Right order',
    think: (time: string) => `Think: ${time}`,
    timeUp: 'Time is up.',
    revealHint: 'Enter reveal now',
    modelAnswer: 'Model answer',
    gradeHint: '1 Again · 2 Hard · 3 Good · 4 Easy',
    nextHint: 'Space/Enter next',
    /** After a verdict that the learner may overrule. */
    verdictHint: 'Enter next · r I was right · w wrong',
    overruled: (right: boolean): string => (right ? 'Recorded as right (your call).' : 'Recorded as wrong (your call).'),
    /** Order cards built bottom to top ("아래에서 위로"): the list is drawn as the stack. */
    bottomUp: 'Step 1 is the bottom of the stack.',
    /** Where the learner had put a step, after checking. */
    givenAt: (n: number) => `(my position ${n})`,
    doneTitle: 'Quiz done',
    score: (c: number, n: number, pct: string) => `Score ${c}/${n} (${pct})`,
    time: (t: string) => `Time ${t}`,
    /** A quiz left part-way: the score is of the questions answered. */
    leftEarly: (answered: number, planned: number) => `Left after ${answered} of ${planned} questions`,
    missed: 'Missed',
    revisit: 'Questions to revisit',
    noneMissed: 'Nothing missed.',
    drillHint: 'd/Enter drill these again · q back',
    backHint: 'q back',
    more: (n: number) => `… ${n} more`,
  },
  statsScreen: {
    title: 'Stats',
    retention: 'Retention',
    /** True retention counts answers to cards in the review state only (not new or learning ones). */
    retentionNone: 'none: review cards only',
    streak: (current: number, longest: number) => `Streak ${current}d (best ${longest}d)`,
    timeToday: (t: string) => `Today ${t}`,
    timeTotal: (t: string) => `Total ${t}`,
    /** Answers today, not cards: a card answered twice counts twice. */
    answersToday: (n: number) => (n === 1 ? '1 answer' : `${n} answers`),
    forecast: 'Due, next 30 days',
    forecastTotal: (n: number) => (n === 1 ? '1 card' : `${n} cards`),
    today: 'today',
    in30: '+30d',
    heatmap: (weeks: number) => `Reviews, last ${weeks} weeks`,
    less: 'less',
    more: 'more',
    mastery: 'Mastery by deck',
    noDecks: 'No decks.',
    weekdays: ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'],
    months: ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'],
    panels: ['Overview', 'Forecast', 'Heatmap'],
    hint: 'q back · ? keys',
    compactHint: '←/→ panel · q back',
    /** A compact panel longer than the screen. */
    scrollHint: '←/→ panel · ↑/↓ scroll · q back',
  },

  /** The card browser (issue 15 §1). */
  browser: {
    title: 'Cards',
    placeholder: 'filter: a word, 초성 (ㄹㅇㅇ) or English',
    deck: 'Deck',
    tag: 'Tag',
    show: 'Show',
    sort: 'Sort',
    any: 'all',
    filters: { all: 'all', new: 'new', learning: 'learning', due: 'due today', suspended: 'suspended', leech: 'leeches', buried: 'buried' } as Record<'all' | 'new' | 'learning' | 'due' | 'suspended' | 'leech' | 'buried', string>,
    sorts: { due: 'due', retrievability: 'recall (weakest)', lapses: 'lapses', added: 'added' } as Record<'due' | 'retrievability' | 'lapses' | 'added', string>,
    count: (shown: number, total: number) => `${shown}/${total}`,
    /** With a text filter: the search engine's best matches only. */
    capped: (n: number) => `best ${n} matches`,
    head: { state: 'state', due: 'due', recall: 'R', lapses: 'lap', card: 'card' },
    kinds: { new: 'new', learning: 'lrn', review: 'rev' } as Record<'new' | 'learning' | 'review', string>,
    /** One letter each: Suspended, Buried, Leech (the help page explains them). */
    flagLetters: { suspended: 'S', buried: 'B', leech: 'L' },
    empty: 'No cards match.',
    loading: 'Building the search index…',
    hint: 'Tab filter · ←/→ change · Enter open · Esc back',
  },
  /** The card view's state and actions (issue 15 §1). */
  cardState: {
    kinds: { new: 'new', learning: 'learning', review: 'review' } as Record<'new' | 'learning' | 'review', string>,
    suspended: 'suspended',
    buried: 'buried until tomorrow',
    leech: 'leech',
    due: (when: string) => `due ${when}`,
    neverStudied: 'never studied',
    interval: (span: string) => `interval ${span}`,
    memory: (stability: string, difficulty: string, recall: string) => `stability ${stability} · difficulty ${difficulty} · recall now ${recall}`,
    counts: (reviews: number, lapses: number) => `${reviews} ${reviews === 1 ? 'review' : 'reviews'} · ${lapses} ${lapses === 1 ? 'lapse' : 'lapses'}`,
    history: 'Last answers',
    noHistory: 'no answers yet',
    answerKinds: { review: 'review', cram: 'cram', quiz: 'quiz' } as Record<'review' | 'cram' | 'quiz', string>,
    /** By priority: a narrow footer drops hints from the end (fitHint, `q back` kept), so `? keys` (it lists them all) stays with r and u at 40 columns. */
    hint: 'r review · u undo · ? keys · t quiz · s suspend · b bury · f forget · q back',
    /** The `amgi unsuspend` command follows on its own row (review.unsuspendLater). */
    suspendedFlash: 'Suspended. s again brings it back.',
    unsuspendedFlash: 'Unsuspended: it comes back in reviews when due.',
    buriedFlash: 'Buried until tomorrow. b again unburies it.',
    unburiedFlash: 'Unburied: it can come back today.',
    forgetConfirm: 'Reset this card to new? Its schedule starts over (u undoes). y/n',
    forgotFlash: 'Reset to new. u undoes it.',
    undone: 'Undone.',
    /** An answer given in a review or quiz started from this card. */
    undoneAnswer: (grade: string) => `Answer “${grade}” undone.`,
    nothingToUndo: 'Nothing to undo on this screen.',
  },
  /** Home's quiz and cram pickers (issue 15 §2). */
  pickers: {
    quizTitle: 'Quiz',
    cramTitle: 'Cram',
    mode: 'Mode',
    count: 'Questions',
    scope: 'Cards from',
    weakest: 'Weakest first',
    until: 'Interview date',
    start: 'Start',
    on: 'on',
    off: 'off',
    allDecks: 'all decks',
    noDate: 'none',
    noDateNote: 'No date: practise without changing the schedule.',
    plan: (days: number, date: string, perDay: number, today: number) => `Interview D-${days} · ${monthDay(date)}: ≈ ${perDay} answers a day, ${today} today. It reschedules and brings in new cards.`,
    planError: (message: string) => `No plan: ${message}`,
    hint: '↑/↓ choose · ←/→ change · Enter start · Esc back',
  },
  /** The help page: what things mean, then the keys of the screen it was opened on (issue 15 §2). */
  helpPage: {
    title: 'Help · Keys',
    keysOf: (screen: string) => `Keys · ${screen}`,
    screens: {
      home: 'Home', review: 'Review', cram: 'Cram', search: 'Search', card: 'Card', settings: 'Settings', stats: 'Stats', quiz: 'Quiz',
      browse: 'Cards', quizPicker: 'Quiz picker', cramPicker: 'Cram picker',
    } as Record<string, string>,
    sections: [
      ['Grades', [
          'After the answer, grade how well you knew it. The grade row shows the next interval for each grade.',
          '1 Again: you forgot; the card comes back in minutes, its memory stability drops and it counts as a lapse.',
          '2 Hard: you recalled it with effort; the next interval is shorter than Good would give.',
          '3 Good (Space/Enter): you recalled it; the interval grows.',
          '4 Easy: you recalled it at once; the interval grows most, and a new card skips its learning steps.',
        ].join('\n')],
      ['New · learn · due', 'new: cards you have never studied, as many as today\'s limits let in. learn: cards in their short learning steps (minutes apart) that are due today. due: review cards whose interval ends today. Suspended and buried cards are not counted.'],
      ['Suspend, bury, forget', 'Suspend (s) keeps a card out of every review until you unsuspend it: in Home → Cards, show the suspended cards, press Enter on the card, then s; or run amgi unsuspend ID. Bury (b) hides a card until tomorrow. Forget (f in Cards) resets a card to new; its history stays in the log. A card you keep forgetting (a leech, marked L) is suspended for you: rewrite it, then unsuspend it.'],
      ['Review, cram, quiz, interview plan', 'Review: today\'s due cards; your answers change the schedule. Cram: practise any deck or tag, weakest cards first if you like, without changing the schedule. The one exception is r on a card\'s screen (review this card now): that is a real review, so it changes the schedule. Quiz: multiple choice, typed, order, cloze or mock interview questions; your answers are recorded and decide which cards count as weakest. Interview plan (Cram with a date): goes through every card before the day and repeats the weak ones; it changes the schedule and brings in new cards.'],
      ['Daily limits', 'Settings has two pairs of limits. New/day and Reviews/day for all decks apply when you review All decks, counted over every deck together. The per deck pair caps each deck, inside an All decks review too. Cards over a limit wait for the next day.'],
      ['Where progress lives', 'Your progress is in $AMGI_HOME (default ~/.config/amgi): reviews.jsonl logs every answer and flag, each saved before the next card shows; state.bin is a cache rebuilt from that log; settings.json holds your settings. To move it, copy the folder or use amgi export --progress FILE.'],
    ] as [string, string][],
    /** In the browser: what the one-letter columns mean. */
    legend: 'In Cards: S suspended · B buried · L leech · R recall now · lap lapses.',
  },
  /** Shown instead of the screen when the terminal is smaller than 40×12. */
  tooSmall: (columns: number, rows: number) => `Make the terminal at least 40×12 (now ${columns}×${rows}).`,
};

export type Messages = typeof en;

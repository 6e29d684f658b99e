/** The English help reads as sentences (walkthrough: "Except r on a card (review this card now): a review, it moves the schedule."). */
import { expect, test } from 'vitest';
import { cliEn } from '../../../src/core/i18n/cliEn.js';
import { cliKo } from '../../../src/core/i18n/cliKo.js';
import { en } from '../../../src/ui/i18n/en.js';

const helpPage = () => en.helpPage.sections.map(([title, body]) => `${title}: ${body}`).join('\n');

test('the help page says plainly that r on a card is a real review, and the rest in whole sentences', () => {
  const page = helpPage();
  expect(page).toContain("The one exception is r on a card's screen (review this card now): that is a real review, so it changes the schedule.");
  expect(page).toContain('your answers are recorded and decide which cards count as weakest');
  expect(page).toContain('in Home → Cards, show the suspended cards, press Enter on the card, then s; or run amgi unsuspend ID.');
  expect(page).toContain('Cards over a limit wait for the next day.');
  for (const awkward of ['Except r on a card', 'a review, it moves', 'for weakest-first', 'What is over a limit', 'never studied that', 'Home → Cards, show suspended, Enter']) {
    expect(page).not.toContain(awkward);
  }
  expect(en.help.commands.continue).toBe('show the answer; once shown: Good');
});

test('the command-line help: no verbless fragments', () => {
  const t = cliEn.help;
  expect(t.commands.sync).toBe('share one history between machines through a folder that Syncthing, Dropbox or git keeps in sync');
  expect(t.commands.cram).toContain('with --until, plan for an interview: this changes the schedule');
  expect(t.flags['forget.yes']).toBe('required, as forgetting resets the schedule');
  expect(t.flags['validate.seeds']).toBe("the folder of study notes that the cards' `source` fields cite: warn when a cited section is empty");
  expect(t.flags['export.progress']).toContain("with --format apkg and no FILE, put each card's schedule in the package");
});

test('Korean help names the sync tools as products are named, not transliterated', () => {
  const t = cliKo;
  const all = JSON.stringify([t.help, t.sync]);
  for (const name of ['Syncthing', 'Dropbox', 'iCloud Drive', 'OneDrive']) expect(all).toContain(name);
  for (const transliterated of ['싱크싱', '드롭박스', '아이클라우드', '원드라이브', '깃']) expect(all).not.toContain(transliterated);
});

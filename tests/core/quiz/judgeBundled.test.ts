/**
 * The judge on the bundled cards a re-check of the walkthrough named (card ids from decks/):
 * wrong answers marked right, near misses between two different terms, right answers marked wrong.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { deckItems } from '../../../src/core/deck/items.js';
import { parseAliasFile } from '../../../src/core/search/aliases.js';
import { buildQuestion, type TypedQuestion } from '../../../src/core/quiz/questions.js';
import { aliasKeys, checkTyped } from '../../../src/core/quiz/typedAnswer.js';
import { deckFilesIn, loadDeckFiles } from '../../../src/store/deckFiles.js';

const ROOT = fileURLToPath(new URL('../../..', import.meta.url));
const ALIASES = aliasKeys(parseAliasFile(JSON.parse(readFileSync(join(ROOT, 'decks', 'aliases.json'), 'utf8'))).table);
const ITEMS = loadDeckFiles(deckFilesIn(join(ROOT, 'decks')).map((file) => ({ file, origin: 'bundled' as const }))).decks.flatMap((d) => deckItems(d.deck));

/** The verdict on a bundled card asked as a typed question (`key` is the card id, `~rev` for back to front). */
function judge(key: string, typed: string): string {
  const item = ITEMS.find((i) => i.key === key);
  if (!item) throw new Error(`no card ${key}`);
  const q = buildQuestion(item, 'typed', ITEMS, 1) as TypedQuestion;
  return checkTyped(typed, q.accepted, ALIASES).verdict;
}

describe('a hyphen or a space inside a Latin token is part of it', () => {
  it('unless-stopped, app-net, runc: the token split or joined is not right', () => {
    expect(judge('ops-unless-stopped', 'unless-stopped')).toBe('right');
    expect(judge('ops-unless-stopped', 'Unless-Stopped')).toBe('right');
    expect(judge('ops-unless-stopped', 'unless stopped')).not.toBe('right');
    expect(judge('ops-unless-stopped', 'unlessstopped')).not.toBe('right');
    expect(judge('dn-network-create', 'docker network create app-net')).toBe('right');
    expect(judge('dn-network-create', 'docker network create appnet')).toBe('wrong');
    expect(judge('dn-network-create', 'docker network create app net')).toBe('wrong');
    expect(judge('rt-runc-oci', 'runc')).toBe('right');
    expect(judge('rt-runc-oci', 'run c')).toBe('wrong');
  });

  it('Korean prose keeps its spacing tolerance, and a Latin word beside a Korean one', () => {
    expect(checkTyped('컨테이너런타임', ['컨테이너 런타임'], ALIASES).verdict).toBe('right');
    expect(checkTyped('Docker데몬', ['Docker 데몬'], ALIASES).verdict).toBe('right');
    expect(checkTyped('copy on write', ['copy-on-write'], ALIASES).verdict).toBe('right');
    expect(checkTyped('copy on write', ['copy-on-write']).verdict).toBe('close');
  });
});

describe('a typo that is another known term is wrong, not close', () => {
  it('container is not a slip of containerd', () => {
    for (const key of ITEMS.filter((i) => i.card.type === 'typed' && i.card.answer === 'containerd').map((i) => i.key)) {
      expect(judge(key, 'container'), key).toBe('wrong');
      expect(judge(key, 'containerd'), key).toBe('right');
      expect(judge(key, 'contianerd'), key).toBe('close');
    }
    expect(checkTyped('container', ['containerd'], ALIASES).verdict).toBe('wrong');
  });

  it('real slips stay close', () => {
    expect(checkTyped('Graduatd', ['Graduated'], ALIASES).verdict).toBe('close');
    expect(checkTyped('리눅스 제단', ['리눅스 재단', 'Linux Foundation'], ALIASES).verdict).toBe('close');
    expect(checkTyped('레이여', ['레이어'], ALIASES).verdict).toBe('close');
  });
});

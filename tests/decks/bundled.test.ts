/**
 * The bundled decks are content: these tests hold them to the authoring rules of issue 2 §5
 * (valid, complete, every seed section covered, corrections explained).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { combineDecks, type DeckCandidate } from '../../src/core/deck/collection.js';
import { CARD_TYPES, isSeedSource, type Card, type Deck, type SeedSource } from '../../src/core/deck/types.js';
import { parseDeck } from '../../src/core/deck/validate.js';
import { clozeGaps } from '../../src/core/deck/cards.js';
import { sectionHasContent, seedSections } from '../../src/core/deck/lint.js';
import { deckFilesIn, loadAllDecks } from '../../src/store/deckFiles.js';
import { tmpHome } from '../helpers/tmpHome.js';
import { cardText, headingSections, readManifest, type Manifest } from './manifest.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DECKS = join(ROOT, 'decks');
const SEEDS = join(ROOT, '..', 'shared', 'seeds');

// The loader's own rule for which files in a folder are decks (schema.json, sources.json and friends are not).
const deckFiles = deckFilesIn(DECKS).map((file) => basename(file));

const parsed = deckFiles.map((name) => ({ name, text: readFileSync(join(DECKS, name), 'utf8'), ...parseDeck(name, readFileSync(join(DECKS, name))) }));
const decks: Deck[] = parsed.flatMap((p) => (p.deck ? [p.deck] : []));
const cards: Card[] = decks.flatMap((d) => d.cards);
const manifest: Manifest = readManifest(join(DECKS, 'sources.json'));
const sectionKey = (seed: string, section: string) => `${seed}\u0000${section}`;
// Cards drawn from the seed notes cite a section; cards on topics the notes leave out cite the page they were checked against.
const seedCards = cards.filter((c) => c.source && isSeedSource(c.source)) as (Card & { source: SeedSource })[];
const referenceCards = cards.filter((c) => c.source && !isSeedSource(c.source));
// Curriculum: virtualisation → images → Dockerfile → architecture → runtimes → registries → CNCF → the interview topics.
const CURRICULUM = ['virtualization', 'images', 'dockerfile', 'architecture', 'runtimes', 'registry', 'cncf', 'data-network', 'operations', 'build-ship', 'security'];

describe('bundled decks', () => {
  it('has the eleven decks, each parsing with zero problems', () => {
    expect(deckFiles).toEqual([...CURRICULUM].sort().map((id) => `${id}.json`));
    for (const p of parsed) {
      expect(p.problems, p.name).toEqual([]);
      expect(p.deck, p.name).toBeDefined();
    }
  });

  it('declares the schema, Korean, and an id matching the file name', () => {
    for (const p of parsed) {
      const raw = JSON.parse(p.text) as { $schema?: string };
      expect(raw.$schema, p.name).toBe('./schema.json');
      expect(p.deck!.language).toBe('ko');
      expect(`${p.deck!.id}.json`).toBe(p.name);
      // Every card in a file has the raw card count: nothing was skipped by the validator.
      expect(p.deck!.cards.length).toBe((JSON.parse(p.text) as { cards: unknown[] }).cards.length);
    }
  });

  it('combines without duplicate deck or card ids', () => {
    const candidates: DeckCandidate[] = parsed.map((p) => ({ deck: p.deck!, file: p.name, origin: 'bundled', text: p.text }));
    const combined = combineDecks(candidates);
    expect(combined.problems).toEqual([]);
    expect(new Set(cards.map((c) => c.id)).size).toBe(cards.length);
  });

  it('loads through the store with no problems (bundled dir, empty AMGI_HOME)', () => {
    const { home, cleanup } = tmpHome();
    try {
      const set = loadAllDecks({ env: { AMGI_HOME: home } });
      expect(set.problems).toEqual([]);
      expect(set.decks.map((d) => d.deck.id).sort()).toEqual(decks.map((d) => d.id).sort());
    } finally {
      cleanup();
    }
  });

  it('has at least 150 seed cards, 80 interview-topic cards, and uses every card type', () => {
    expect(seedCards.length).toBeGreaterThanOrEqual(150);
    expect(referenceCards.length).toBeGreaterThanOrEqual(80);
    const types = new Set(cards.map((c) => c.type));
    for (const t of CARD_TYPES) expect(types.has(t), t).toBe(true);
  });

  it('orders the decks along the curriculum, one position each', () => {
    const byOrder = [...decks].sort((a, b) => (a.order ?? Infinity) - (b.order ?? Infinity));
    for (const d of decks) expect(Number.isInteger(d.order), d.id).toBe(true);
    expect(new Set(decks.map((d) => d.order)).size).toBe(decks.length);
    expect(byOrder.map((d) => d.id)).toEqual(CURRICULUM);
  });

  it('gives each card an id with its deck prefix, tags and a source', () => {
    const prefix: Record<string, string> = { virtualization: 'vm-', images: 'img-', dockerfile: 'df-', architecture: 'arch-', runtimes: 'rt-', registry: 'reg-', cncf: 'cncf-', 'data-network': 'dn-', operations: 'ops-', 'build-ship': 'bs-', security: 'sec-' };
    for (const d of decks) {
      for (const c of d.cards) {
        expect(c.id.startsWith(prefix[d.id]!), c.id).toBe(true);
        expect(c.tags?.length ?? 0, c.id).toBeGreaterThan(0);
        expect(c.source, c.id).toBeDefined();
      }
    }
  });

  it('keeps answers short enough for a terminal', () => {
    for (const c of cards) {
      switch (c.type) {
        case 'basic':
        case 'reversible':
          expect(c.back.length, c.id).toBeLessThanOrEqual(300);
          break;
        case 'cloze':
          expect((c.back ?? '').length, c.id).toBeLessThanOrEqual(300);
          break;
        case 'typed':
          expect(c.answer.length, c.id).toBeLessThanOrEqual(40);
          break;
        case 'choice':
          expect(c.answer.length, c.id).toBeLessThanOrEqual(120);
          break;
        case 'interview':
          expect(c.points.length, c.id).toBeGreaterThanOrEqual(3);
          expect(c.points.length, c.id).toBeLessThanOrEqual(5);
          for (const p of c.points) expect(p.length, `${c.id}: ${p}`).toBeLessThanOrEqual(80);
          break;
        case 'order':
          expect(c.steps.length, c.id).toBeGreaterThanOrEqual(3);
          break;
      }
      expect(c.front.length, c.id).toBeLessThanOrEqual(300);
    }
  });

  it('gives every choice card options: three hand-written distractors or a topic of at least four cards', () => {
    const topicSize = new Map<string, number>();
    for (const c of cards) if (c.topic) topicSize.set(c.topic, (topicSize.get(c.topic) ?? 0) + 1);
    for (const c of cards) {
      if (c.type !== 'choice') continue;
      const ok = (c.distractors?.length ?? 0) >= 3 || (topicSize.get(c.topic ?? '') ?? 0) >= 4;
      expect(ok, c.id).toBe(true);
      // A distractor that differs from the answer only by case or spacing would be a second right answer.
      const norm = (s: string) => s.toLowerCase().replace(/\s+/g, '');
      for (const d of c.distractors ?? []) expect(norm(d), `${c.id}: ${d}`).not.toBe(norm(c.answer));
    }
  });

  it('uses topics for groups of confusable cards', () => {
    const byTopic = new Map<string, number>();
    for (const c of cards) if (c.topic) byTopic.set(c.topic, (byTopic.get(c.topic) ?? 0) + 1);
    for (const t of ['runtime-kind', 'vm-vs-container', 'arg-env', 'cmd-entrypoint', 'lifecycle-state', 'cncf-stage', 'registry-name']) {
      expect(byTopic.get(t) ?? 0, t).toBeGreaterThanOrEqual(2);
    }
  });

  it('merges overlapping material: no two cards share a prompt', () => {
    const fronts = new Map<string, string>();
    for (const c of cards) {
      const key = c.front.replace(/\s+/g, ' ').trim();
      expect(fronts.get(key), `${c.id} repeats the prompt of ${fronts.get(key)}`).toBeUndefined();
      fronts.set(key, c.id);
    }
  });

  it('stores the files already NFC-normalised, so sources match the manifest byte for byte', () => {
    for (const p of parsed) expect(p.text === p.text.normalize('NFC'), p.name).toBe(true);
  });

  it('never names a study note by its file number ("000 노트"): a learner sees notes by title, as the card\'s source line shows them', () => {
    const numbered = cards.filter((c) => /\d{3} 노트/.test(`${cardText(c)}\n${c.note ?? ''}`)).map((c) => c.id);
    expect(numbered).toEqual([]);
  });

  it('gives every cloze a gap and some visible context', () => {
    for (const c of cards) {
      if (c.type !== 'cloze') continue;
      const gaps = clozeGaps(c.front);
      expect(gaps.length, c.id).toBeGreaterThan(0);
      expect(c.front.replace(/\{\{[^{}]+\}\}/g, '').trim().length, c.id).toBeGreaterThan(0);
    }
  });
});

describe('sources manifest', () => {
  const cited = new Set(seedCards.map((c) => sectionKey(c.source.seed, c.source.section)));
  const listed = new Set(manifest.seeds.flatMap((s) => s.sections.map((sec) => sectionKey(s.file, sec))));

  it('every seed card cites a seed section listed in sources.json', () => {
    for (const c of seedCards) expect(listed.has(sectionKey(c.source.seed, c.source.section)), `${c.id} → ${c.source.seed} / ${c.source.section}`).toBe(true);
  });

  it('every non-seed card cites the https page it was checked against, with a title', () => {
    expect(referenceCards.length).toBeGreaterThan(0);
    for (const c of cards) {
      if (c.source && isSeedSource(c.source)) continue;
      const src = c.source as { url?: string; title?: string } | undefined;
      expect(src?.url, c.id).toMatch(/^https:\/\/[^\s/]+\.[^\s/]+\/\S*$/);
      expect(src?.title?.trim().length ?? 0, c.id).toBeGreaterThan(3);
    }
  });

  it('the interview-topic decks cite only references and the seed decks only seeds', () => {
    const topicDecks = new Set(['data-network', 'operations', 'build-ship', 'security']);
    for (const d of decks) for (const c of d.cards) expect(isSeedSource(c.source!), c.id).toBe(!topicDecks.has(d.id));
  });

  it('every listed section with content is cited by at least one card', () => {
    // A links-only section has nothing to cite (the linter warns when a card does: empty-source).
    const empty = new Set(manifest.seeds.flatMap((s) => [...seedSections(readFileSync(join(SEEDS, s.file), 'utf8'))].filter(([, text]) => !sectionHasContent(text)).map(([sec]) => sectionKey(s.file, sec))));
    expect(empty.size).toBeGreaterThan(0);
    const uncited = [...listed].filter((k) => !cited.has(k) && !empty.has(k)).map((k) => k.replace('\u0000', ' / '));
    expect(uncited).toEqual([]);
  });

  it('lists exactly the seed files and their headings, in order', () => {
    expect(existsSync(SEEDS), `seed notes expected at ${SEEDS}`).toBe(true);
    const files = readdirSync(SEEDS).filter((n) => n.endsWith('.txt')).sort();
    expect(manifest.seeds.map((s) => s.file)).toEqual(files);
    for (const s of manifest.seeds) {
      expect(s.title.trim().length, s.file).toBeGreaterThan(0);
      expect(s.sections, s.file).toEqual(headingSections(readFileSync(join(SEEDS, s.file), 'utf8')));
    }
  });

  it('headingSections strips #, ** and spaces the way the manifest expects', () => {
    const text = '# 1. **Docker란 무엇인가?**\nbody # not a heading\n```\n#!/bin/sh\n```\n### **Docker**  \r\n####### seven is not a heading\n#### 이미지';
    expect(headingSections(text)).toEqual(['1. Docker란 무엇인가?', 'Docker', '이미지']);
  });
});

describe('seed corrections', () => {
  const corrected = cards.filter((c) => c.tags?.includes('seed-correction'));

  it('every corrected card explains the correction in its note', () => {
    expect(corrected.length).toBeGreaterThanOrEqual(10);
    for (const c of corrected) expect(c.note?.trim().length ?? 0, c.id).toBeGreaterThan(20);
  });

  it('corrects the Grafana claim: Grafana is not a CNCF project', () => {
    const grafana = corrected.filter((c) => /Grafana/.test(cardText(c)) && /Grafana/.test(c.note ?? ''));
    expect(grafana.length).toBeGreaterThan(0);
  });

  it('corrects the claim that a container copies its image', () => {
    const cow = corrected.filter((c) => /복사/.test(c.note ?? '') && /copy-on-write/i.test(cardText(c) + (c.note ?? '')));
    expect(cow.length).toBeGreaterThan(0);
  });
});

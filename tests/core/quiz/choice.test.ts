import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { arrangeOptions, chooseDistractors, optionText } from '../../../src/core/quiz/choice.js';
import { answerKey } from '../../../src/core/quiz/typedAnswer.js';
import { deckItems } from '../../../src/core/deck/items.js';
import { CARDS, DECK, ITEMS, item } from './fixture.js';

const topicOf = (text: string) => CARDS.find((c) => optionText(c) === text)?.topic;

describe('chooseDistractors', () => {
  it('draws from the same topic first', () => {
    for (let seed = 0; seed < 50; seed++) {
      const d = chooseDistractors(item('rt-runc'), ITEMS, seed);
      expect(d).toHaveLength(3);
      for (const text of d) expect(topicOf(text)).toBe('runtime');
    }
  });

  it('uses the card’s own distractors first, then the topic', () => {
    const d = chooseDistractors(item('df-arg'), ITEMS, 1);
    expect(d[0]).toBe('ENV');
    // ENV from the hand-written list and from df-env is one option, not two.
    expect(d.filter((t) => answerKey(t) === 'env')).toHaveLength(1);
    // The topic has nothing else: the shared tag fills the rest.
    expect(d.slice(1).sort()).toEqual(['EXPOSE', 'LABEL']);
  });

  it('falls back to the same deck when topic and tags run out', () => {
    const own = deckItems({ ...DECK, cards: [CARDS[0]!, { id: 'x', type: 'typed', front: 'q', answer: 'podman' }] });
    expect(chooseDistractors(own[0]!, own, 3)).toEqual(['podman']);
    const otherDeck = deckItems({ ...DECK, id: 'other', cards: [{ id: 'y', type: 'typed', front: 'q', answer: 'cri-o' }] });
    // A card from another deck with nothing in common is not a confusable option.
    expect(chooseDistractors(own[0]!, [...own, ...otherDeck], 3)).toEqual(['podman']);
  });

  it('never offers the answer or an alias of it, never a duplicate (normalised)', () => {
    const cards = [
      { id: 'a', type: 'typed' as const, front: 'q a', answer: 'Container Runtime', aliases: ['컨테이너 런타임'], topic: 't' },
      { id: 'b', type: 'typed' as const, front: 'q b', answer: 'container  runtime.', topic: 't' },
      { id: 'c', type: 'typed' as const, front: 'q c', answer: '컨테이너런타임', topic: 't' },
      { id: 'd', type: 'typed' as const, front: 'q d', answer: 'image registry', topic: 't' },
      { id: 'e', type: 'typed' as const, front: 'q e', answer: 'Image Registry', topic: 't' },
      { id: 'f', type: 'typed' as const, front: 'q f', answer: 'storage driver', topic: 't' },
    ];
    const items = deckItems({ ...DECK, cards });
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const d = chooseDistractors(items[0]!, items, seed);
        const keys = d.map((t) => answerKey(t));
        expect(new Set(keys).size).toBe(keys.length);
        expect(keys).not.toContain(answerKey('Container Runtime'));
        expect(keys).not.toContain(answerKey('컨테이너 런타임'));
        expect(d).toHaveLength(2);
      }),
      { numRuns: 200 },
    );
  });

  it('is stable for a seed', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...ITEMS), (seed, it) => {
        expect(chooseDistractors(it, ITEMS, seed)).toEqual(chooseDistractors(it, ITEMS, seed));
      }),
      { numRuns: 200 },
    );
  });

  it('prefers options of the same shape (short Latin names for a short Latin answer)', () => {
    const cards = [
      { id: 'a', type: 'typed' as const, front: 'q a', answer: 'runc', topic: 't' },
      { id: 'b', type: 'basic' as const, front: 'q b', back: '컨테이너를 실행하는 아주 긴 한국어 설명 문장입니다', topic: 't' },
      { id: 'c', type: 'typed' as const, front: 'q c', answer: 'crun', topic: 't' },
      { id: 'd', type: 'typed' as const, front: 'q d', answer: 'kata', topic: 't' },
      { id: 'e', type: 'typed' as const, front: 'q e', answer: 'gVisor', topic: 't' },
    ];
    const items = deckItems({ ...DECK, cards });
    for (let seed = 0; seed < 20; seed++) expect(chooseDistractors(items[0]!, items, seed).sort()).toEqual(['crun', 'gVisor', 'kata']);
  });

  it('gives a command question command-shaped options: not a sentence with a flag in it, a flag or a path; its own deck before another', () => {
    const net = { id: 'net', title: 'net', description: 'd', language: 'ko' as const };
    const cards = [
      { id: 'create', type: 'typed' as const, front: 'app-net 네트워크를 만드는 명령은?', answer: 'docker network create app-net', topic: 'network', tags: ['network', 'cli'] },
      { id: 'host', type: 'choice' as const, front: '--network host 설명은?', answer: '호스트의 네트워크 스택을 함께 써서 -p 옵션이 무시된다', topic: 'network' },
      { id: 'ls', type: 'typed' as const, front: '볼륨 목록을 보는 명령은?', answer: 'docker volume ls', tags: ['volume', 'cli'] },
      { id: 'inspect', type: 'typed' as const, front: '네트워크를 자세히 보는 명령은?', answer: 'docker network inspect app-net', tags: ['network'] },
      { id: 'path', type: 'typed' as const, front: '레이어가 있는 곳은?', answer: '/var/lib/docker/overlay2', tags: ['cli'] },
      { id: 'same', type: 'typed' as const, front: 'app-net 네트워크를  만드는 명령은?', answer: 'docker network create --driver bridge app-net', tags: ['cli'] },
    ];
    const other = [
      { id: 'secret', type: 'typed' as const, front: '비밀을 넘기는 옵션은?', answer: '--secret id=token,src=./token.txt', tags: ['cli'] },
      { id: 'save', type: 'typed' as const, front: '이미지를 파일로 옮기는 명령은?', answer: 'docker save / docker load', tags: ['cli'] },
      { id: 'pull', type: 'typed' as const, front: '이미지를 받는 명령은?', answer: 'docker pull', tags: ['cli'] },
    ];
    const items = [...deckItems({ ...net, id: 'net', cards }), ...deckItems({ ...net, id: 'build', cards: other })];
    for (let seed = 0; seed < 20; seed++) {
      const d = chooseDistractors(items[0]!, items, seed);
      // The deck's own commands (a shared tag) first, then another deck's; never the same question asked twice.
      expect(d.slice(0, 2).sort()).toEqual(['docker network inspect app-net', 'docker volume ls']);
      expect(['docker save / docker load', 'docker pull']).toContain(d[2]);
    }
  });

  it('asks a reversible card in reverse with fronts as options', () => {
    const d = chooseDistractors(item('vm~rev'), ITEMS, 5);
    expect(d).toEqual(['호스트 커널을 공유하는 격리된 프로세스']);
  });
});

describe('optionText', () => {
  it('is the answer for choice/typed, the back for basic, nothing for structured cards', () => {
    expect(optionText(item('rt-runc').card)).toBe('runc');
    expect(optionText(item('rt-crio').card)).toBe('CRI-O');
    expect(optionText(item('long').card)).toBe('이 답은 한 줄이 아니다');
    expect(optionText(item('or-1').card)).toBeUndefined();
    expect(optionText(item('iv-1').card)).toBeUndefined();
  });
});

describe('arrangeOptions', () => {
  it('keeps every option once and points at the answer', () => {
    fc.assert(
      fc.property(fc.integer(), (seed) => {
        const { options, correct } = arrangeOptions('runc', ['crun', 'kata', 'containerd'], seed);
        expect(options[correct]).toBe('runc');
        expect([...options].sort()).toEqual(['containerd', 'crun', 'kata', 'runc']);
      }),
    );
  });

  it('moves the answer around across seeds (shuffled every time)', () => {
    const positions = new Set<number>();
    for (let seed = 0; seed < 40; seed++) positions.add(arrangeOptions('runc', ['crun', 'kata', 'containerd'], seed).correct);
    expect(positions.size).toBe(4);
  });
});

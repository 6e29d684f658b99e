import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { ankiClozeToGaps, looksLikeAnki, parseAnki } from '../../../src/core/import/anki.js';
import { InputError } from '../../../src/core/import/errors.js';
import { htmlToText, decodeEntities } from '../../../src/core/import/html.js';

const fixture = (name: string) => readFileSync(new URL(`../../fixtures/import/${name}`, import.meta.url), 'utf8');

describe('Anki "Notes in Plain Text"', () => {
  test('header lines, tags column, HTML fields and quoted fields with "" and newlines', () => {
    const r = parseAnki(fixture('anki-basic.txt'), 'anki-basic.txt');
    expect(r.cards).toEqual([
      { line: 4, type: 'basic', front: '컨테이너란?', back: '호스트 커널을 공유하는 격리된 프로세스', tags: ['docker', 'basics'] },
      { line: 5, type: 'basic', front: '이미지와 컨테이너의 차이', back: '이미지: 읽기 전용 템플릿\n컨테이너: 실행 중인 인스턴스', tags: ['docker'] },
      { line: 6, type: 'basic', front: '포트 매핑 & 옵션', back: '-p 8080:80\n"호스트:컨테이너" 순서', tags: ['network'] },
      { line: 7, type: 'basic', front: '여러 줄\n질문', back: '답 <ok>' },
    ]);
  });

  test('note type and deck columns: reversed, cloze with hints, empty backs skipped', () => {
    const r = parseAnki(fixture('anki-notetypes.txt'));
    expect(r.cards.map((c) => [c.type, c.front, c.topic])).toEqual([
      ['reversible', 'Dockerfile', 'Docker::Basics'],
      ['cloze', '컨테이너는 {{커널}}을 공유한다', 'Docker::Basics'],
      ['cloze', '{{runc}}와 {{containerd}}', 'Docker::Runtime'],
    ]);
    expect(r.cards[1]).toMatchObject({ back: 'VM은 게스트 OS를 가진다' });
    expect(r.skipped).toEqual([{ line: 9, text: '빈 답', reason: 'empty back' }]);
  });

  test('ragged columns name the line', () => {
    expect(() => parseAnki(fixture('anki-ragged.txt'), 'r.txt')).toThrow(InputError);
    expect(() => parseAnki(fixture('anki-ragged.txt'), 'r.txt')).toThrow('r.txt:4:1: line 4 has 2 column(s) but line 3 has 3');
  });

  test('an unclosed quote names the line it starts on', () => {
    expect(() => parseAnki('a\tb\n"open\tx\n', 'q.txt')).toThrow('q.txt:2:1: a quoted field is never closed');
  });

  test('other separators, #html:false keeps text as written, optional reverse flag', () => {
    const r = parseAnki('#separator:Semicolon\n#html:false\n#notetype:Basic (optional reversed card)\na<b>;x &amp y;y\nc;d;\n');
    expect(r.cards).toEqual([
      { line: 4, type: 'reversible', front: 'a<b>', back: 'x &amp y' },
      { line: 5, type: 'basic', front: 'c', back: 'd' },
    ]);
  });

  test('#columns (split by a separator given after it), #tags for every note, a guid column left out, extra fields under the answer', () => {
    const r = parseAnki('#columns:Front|Back|Extra|Guid\n#separator:pipe\n#tags:docker  net\n#guid column:4\n#notetype:Custom\n#if matches:x\nq|a|more|g1\nq2|a2||g2\n');
    expect(r.cards).toEqual([
      { line: 7, type: 'basic', front: 'q', back: 'a\n\nmore', tags: ['docker', 'net'] },
      { line: 8, type: 'basic', front: 'q2', back: 'a2', tags: ['docker', 'net'] },
    ]);
    expect(() => parseAnki('#columns:a\tb\nx\ty\tz\n', 'c.txt')).toThrow('c.txt:2:1: line 2 has 3 column(s) but the #columns header has 2');
    // A column header that is not a number sets nothing; an empty front is skipped, not a card.
    expect(parseAnki('#deck column:x\n\tb\n').skipped).toEqual([{ line: 2, text: '', reason: 'empty front' }]);
  });

  test('detects Anki headers', () => {
    expect(looksLikeAnki('#separator:tab\na\tb')).toBe(true);
    expect(looksLikeAnki('#html:true\n')).toBe(true);
    expect(looksLikeAnki('# Heading\n- item')).toBe(false);
  });

  test('cloze numbers and hints are dropped', () => {
    expect(ankiClozeToGaps('{{c1::a}} {{c12::b::hint}} {{c1::}} {{x}}')).toBe('{{a}} {{b}}  {{x}}');
  });
});

describe('HTML to text', () => {
  test('line breaks, lists, entities, sound and style', () => {
    expect(htmlToText('a<br>b<div>c</div><div>d</div><ul><li>x</li><li>y</li></ul>')).toBe('a\nb\nc\nd\n• x\n• y');
    expect(htmlToText('<style>.card{}</style>[sound:a.mp3]x &lt; y &#x41;&#66; &nbsp;z &bogus; 3 < 4')).toBe('x < y AB z &bogus; 3 < 4');
    expect(htmlToText('<!-- c -->t<img src="a.png">')).toBe('t');
    expect(decodeEntities('&#0; &#xD800; &amp;')).toBe('&#0; &#xD800; &');
  });

  test('table cells, rules, headings, a script dropped to its closing tag, an unclosed tag and comment kept or dropped', () => {
    expect(htmlToText('<table><tr><th>k</th><td>a</td><td>b</td></tr></table><hr>x<h2>T</h2><SCRIPT>if (a>b) x()</script>y')).toBe('k a b\n\nx\nT\ny');
    expect(htmlToText('<ol><li>one</li>two</ol>')).toBe('• one\ntwo');
    expect(htmlToText('a <b')).toBe('a <b');
    expect(htmlToText('a<!-- never closed')).toBe('a');
    expect(htmlToText('<style>x')).toBe('');
  });
});

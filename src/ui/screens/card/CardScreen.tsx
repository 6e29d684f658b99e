/** One card in full (opened from search): prompt, answer, note, source, deck, tags. */
import { fullCardRows } from '../../cardView.js';
import { useServices, useUi } from '../../context.js';
import { useScreenInput } from '../../hooks/useScreenInput.js';
import { useScroll } from '../../hooks/useScroll.js';
import { Command, matches } from '../../keymap.js';
import { seg, type Row } from '../../layout.js';
import { useShell } from '../../shell.js';
import { Frame, bodyHeight } from '../../components/Frame.js';
import { Rows } from '../../components/Rows.js';
import { moreMarker } from '../../components/scrollWindow.js';

export function CardScreen({ deckId, cardId }: { deckId: string; cardId: string }) {
  const { decks, seedTitle } = useServices();
  const { messages: t, theme, columns, rows } = useUi();
  const shell = useShell();
  const deck = decks.find((d) => d.deck.id === deckId)?.deck;
  const card = deck?.cards.find((c) => c.id === cardId);
  const content: Row[] = card && deck ? fullCardRows(card, deck.title, columns, t, theme, seedTitle) : [[seg(t.card.notFound, theme.status.warn)]];
  const height = bodyHeight(rows);
  const { rows: visible, handle } = useScroll(content, height, moreMarker(t, theme));
  useScreenInput((input, key) => {
    if (handle(input, key)) return true;
    if (matches(Command.Search, input, key)) {
      shell.pop();
      return true;
    }
    return false;
  });
  return (
    <Frame title={[seg(t.card.title, theme.text.heading), seg(` · ${cardId}`, theme.text.muted)]} footer={[seg(t.footer.back, theme.text.muted)]}>
      <Rows rows={visible} />
    </Frame>
  );
}

// @vitest-environment jsdom
import { act, type Dispatch, type SetStateAction } from 'react';
import { createRoot, type Root } from 'react-dom/client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { useStateFor } from '../../renderer/rating/useStateFor';

(globalThis as { IS_REACT_ACT_ENVIRONMENT?: boolean }).IS_REACT_ACT_ENVIRONMENT = true;

let container: HTMLDivElement;
let root: Root;
const setters: Record<string, Dispatch<SetStateAction<string>>> = {};

/** Shows the note held for the indicator on screen, in the same element whatever the indicator. */
function Panel({ indicatorId }: { indicatorId: string }) {
  const [note, setNote] = useStateFor(indicatorId, `new ${indicatorId}`);
  setters[indicatorId] = setNote;
  return <p id="note">{note}</p>;
}

const shown = () => container.querySelector('#note')!.textContent;
const show = (indicatorId: string) => act(() => root.render(<Panel indicatorId={indicatorId} />));

beforeEach(() => {
  container = document.createElement('div');
  document.body.append(container);
  root = createRoot(container);
});

afterEach(() => {
  act(() => root.unmount());
  container.remove();
});

describe('state for one indicator while the panel stays mounted', () => {
  it('starts again for the next indicator, also when the user comes back, in the same element', () => {
    show('a');
    const element = container.querySelector('#note');
    act(() => setters.a!('typed on a'));
    expect(shown()).toBe('typed on a');
    show('b');
    expect(shown()).toBe('new b');
    expect(container.querySelector('#note')).toBe(element);
    show('a');
    expect(shown()).toBe('new a');
  });

  it('drops a value set for an indicator no longer on screen (an upload that finished late)', () => {
    show('a');
    const late = setters.a!;
    show('b');
    act(() => setters.b!((note) => `${note}, edited`));
    act(() => late('finished on a'));
    expect(shown()).toBe('new b, edited');
  });
});

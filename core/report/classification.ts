import { classificationPresets } from '../api/exports-vocabulary';
import type { BuildContext } from './build-context';
import type { Txt } from './document';
import { userText } from './document';

type Preset = (typeof classificationPresets)[number];

function isPreset(value: string): value is Preset {
  return (classificationPresets as readonly string[]).includes(value);
}

/** A preset in each report language ("For official use / 取扱注意"), other text as the team typed it, or none. */
export function classificationText(ctx: BuildContext): Txt | null {
  const value = ctx.input.classification?.trim();
  if (!value) return null;
  return isPreset(value) ? ctx.L.t(`marking.classification.${value}`) : userText(value);
}

import { svg, type SVGTemplateResult } from 'lit';
import type { Scale } from '@civic-pulse/core';

// Mouth curvature from a deep frown to a broad smile: the face says the level even without colour.
const MOUTH_CONTROL_Y = [16, 18.5, 22, 25.5, 28];

function face(mood: number): SVGTemplateResult {
  return svg`<svg viewBox="0 0 32 32" width="100%" height="100%" focusable="false">
    <circle cx="16" cy="16" r="14" class="face" />
    <circle cx="11.5" cy="12.5" r="1.9" class="feature-fill" />
    <circle cx="20.5" cy="12.5" r="1.9" class="feature-fill" />
    <path d="M10 ${mood === 2 ? 21.5 : 21} Q16 ${MOUTH_CONTROL_Y[mood]} 22 ${mood === 2 ? 21.5 : 21}" class="feature-line" />
  </svg>`;
}

function star(filled: boolean): SVGTemplateResult {
  return svg`<svg viewBox="0 0 32 32" width="100%" height="100%" focusable="false">
    <path class=${filled ? 'star star-filled' : 'star'}
      d="M16 2.5l4.1 8.6 9.4 1.2-6.9 6.5 1.8 9.3L16 23.6l-8.4 4.5 1.8-9.3-6.9-6.5 9.4-1.2z" />
  </svg>`;
}

/** The picture of one level of a scale; `chosen` is the level picked so far, for stars to fill up to it. */
export function levelIcon(scale: Scale, level: number, chosen: number | undefined): SVGTemplateResult {
  switch (scale) {
    case 'smileys-3':
      return face([0, 2, 4][level - 1]!);
    case 'smileys-5':
      return face(level - 1);
    default:
      return star(chosen !== undefined && level <= chosen);
  }
}

// CAMEO root categories and quad classes, for labels and colours.

/** CAMEO root code -> short name. */
export const ROOTS = {
  '01': 'Make public statement',
  '02': 'Appeal',
  '03': 'Express intent to cooperate',
  '04': 'Consult',
  '05': 'Diplomatic cooperation',
  '06': 'Material cooperation',
  '07': 'Provide aid',
  '08': 'Yield',
  '09': 'Investigate',
  '10': 'Demand',
  '11': 'Disapprove',
  '12': 'Reject',
  '13': 'Threaten',
  '14': 'Protest',
  '15': 'Exhibit force posture',
  '16': 'Reduce relations',
  '17': 'Coerce',
  '18': 'Assault',
  '19': 'Fight',
  '20': 'Unconventional mass violence',
};

/** Quad class -> label and colour; cooperation in greens and blues, conflict in oranges and reds. */
export const QUADS = {
  1: { label: 'verbal cooperation', short: 'verbal coop.', colour: '#74add1' },
  2: { label: 'material cooperation', short: 'material coop.', colour: '#1a9850' },
  3: { label: 'verbal conflict', short: 'verbal conflict', colour: '#fdae61' },
  4: { label: 'material conflict', short: 'material conflict', colour: '#d73027' },
};

/** Colour for a Goldstein score in [-10, 10]. */
export function goldsteinColour(g) {
  if (g === null || g === undefined || Number.isNaN(g)) {
    return '#999';
  }
  const t = Math.max(-1, Math.min(1, g / 10));
  // red (conflict) through grey to green (cooperation)
  const lerp = (a, b, x) => Math.round(a + (b - a) * x);
  if (t < 0) {
    const x = -t;
    return `rgb(${lerp(150, 215, x)},${lerp(150, 48, x)},${lerp(150, 39, x)})`;
  }
  return `rgb(${lerp(150, 26, t)},${lerp(150, 152, t)},${lerp(150, 80, t)})`;
}

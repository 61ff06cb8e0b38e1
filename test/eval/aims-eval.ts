/** Scores aim extraction, alignment and stance on test/fixtures/pairs/. (Placeholder until those land.) */
export function evaluateAims(): { text: string; ok: boolean } {
  return { text: 'Aims and answers: no labelled pairs yet.', ok: true };
}

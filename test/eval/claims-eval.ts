/** Scores claim detection and flagging on test/fixtures/claims/. (Placeholder until those land.) */
export function evaluateClaims(): { text: string; ok: boolean } {
  return { text: 'Claims: no labelled documents yet.', ok: true };
}

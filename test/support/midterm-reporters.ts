/**
 * 48 member states that had filed the resolution 2397 midterm report by 16 December 2019, as the
 * press counted them (FACTS.md); which 48 exactly is illustrative, the count and the presence of
 * Russia, China (not public) and Equatorial Guinea (the only African host state) are not.
 */
export const midtermReporters: readonly string[] = [
  'RU', 'CN', 'GQ', 'AE', 'QA', 'KW', 'VN', 'SG', 'NP', 'PL', 'DE', 'FR', 'GB', 'US', 'JP', 'KR',
  'AU', 'NZ', 'CA', 'IT', 'ES', 'NL', 'BE', 'AT', 'CH', 'SE', 'NO', 'FI', 'DK', 'IE', 'PT', 'CZ',
  'SK', 'HU', 'RO', 'BG', 'HR', 'SI', 'EE', 'LV', 'LT', 'MT', 'CY', 'MY', 'TH', 'PH', 'ID', 'MN',
];

/** The report body each of them gets; China asked the Committee not to publish its own. */
export const midtermReportOf = (code: string) => ({
  obligationId: '2397-p8-midterm',
  reportDate: '2019-03-20',
  ...(code === 'CN' ? { public: false } : {}),
});

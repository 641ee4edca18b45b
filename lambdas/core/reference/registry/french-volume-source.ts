/**
 * The page most French quotes were read on: machinman.net's OCR transcription of the UN's French
 * yearly volumes "Résolutions et décisions du Conseil de sécurité", one HTML page per page of the
 * printed volume. French is one of the languages in which a resolution is equally authentic; the
 * site says its transcription is not an official text, so the OCR's breaks ("effec tivement") are
 * kept as the page gives them.
 */
export const frenchVolumeSource = (document: string, volume: string, page: string) =>
  ({
    document,
    url: `https://machinman.net/un/best/un_resolution_${volume}/${page}.html`,
    publisher: `machinman.net, OCR transcription of the UN's French volume "Résolutions et décisions du Conseil de sécurité" (the site's ${volume} volume, page ${page}; not an official text, the site says)`,
    readOn: '2026-12-06',
  }) as const;

/**
 * A provider's error text with the address it may quote taken out ("... failed the check:
 * ana@example.org"), for what outlives the message: the failure queue and the logs.
 */
export const withoutAddress = (text: string, address: string): string =>
  address === '' ? text : text.replace(new RegExp(address.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'gi'), '<address>');

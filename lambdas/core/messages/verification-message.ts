/** The text that carries an SMS opt-in code: GSM-7 only, well inside one segment. */
export const verificationCodeSms = (code: string, validMinutes: number): string =>
  `sanctions-watch code: ${code}. Enter it to get alerts on this number. It expires in ${validMinutes} minutes. Not you? Ignore this text.`;

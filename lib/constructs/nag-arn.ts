/** How cdk-nag spells a resolved ARN in a finding id: `{Ref: X}` as `<X>`, Fn::Join concatenated. */
export function nagArn(resolved: unknown): string {
  if (typeof resolved === 'string') return resolved;
  if (typeof resolved === 'object' && resolved !== null) {
    if ('Ref' in resolved) return `<${String(resolved.Ref)}>`;
    if ('Fn::Join' in resolved) {
      const [separator, parts] = resolved['Fn::Join'] as [string, unknown[]];
      return parts.map(nagArn).join(separator);
    }
  }
  throw new Error(`cannot name ${JSON.stringify(resolved)} as cdk-nag does`);
}

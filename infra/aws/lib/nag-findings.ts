/**
 * cdk-nag names a granular finding after the value it flags, with tokens
 * rendered as `<AWS::AccountId>` or `<Resource.Attribute>`. Acknowledging one
 * finding (not a whole rule) needs that exact name; this renders it from the
 * same value the construct uses, so the two cannot drift apart.
 */
import type { Stack } from "aws-cdk-lib";

export function nagFindingValue(stack: Stack, value: string): string {
  const render = (part: unknown): string => {
    if (typeof part === "string") return part;
    if (typeof part === "object" && part !== null) {
      const o = part as Record<string, unknown>;
      if (typeof o.Ref === "string") return `<${o.Ref}>`;
      const getAtt = o["Fn::GetAtt"];
      if (Array.isArray(getAtt)) return `<${getAtt.join(".")}>`;
      const join = o["Fn::Join"];
      if (Array.isArray(join) && typeof join[0] === "string" && Array.isArray(join[1])) {
        return join[1].map(render).join(join[0]);
      }
    }
    throw new Error(`cannot name a cdk-nag finding for ${JSON.stringify(part)}`);
  };
  return render(stack.resolve(value));
}

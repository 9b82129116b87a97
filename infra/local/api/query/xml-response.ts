import { XMLBuilder } from "fast-xml-parser";
import type { AwsError } from "../aws-error";
import type { XmlElement } from "./schema-xml";

const builder = new XMLBuilder({ ignoreAttributes: false, attributeNamePrefix: "@_", suppressEmptyNode: true });

/**
 * `<{Action}Response xmlns=…><{Action}Result>…</{Action}Result><ResponseMetadata>…`
 * — the AWS Query success envelope. Operations without output have no Result element.
 */
export function querySuccessXml(options: {
  action: string;
  xmlNamespace: string;
  result: XmlElement | undefined;
  requestId: string;
}): string {
  const body: XmlElement = { "@_xmlns": options.xmlNamespace };
  if (options.result !== undefined) body[`${options.action}Result`] = options.result;
  body.ResponseMetadata = { RequestId: options.requestId };
  return builder.build({ [`${options.action}Response`]: body });
}

/** `<ErrorResponse xmlns=…><Error><Type/><Code/><Message/></Error><RequestId/></ErrorResponse>` */
export function queryErrorXml(options: { xmlNamespace: string; error: AwsError; requestId: string }): string {
  return builder.build({
    ErrorResponse: {
      "@_xmlns": options.xmlNamespace,
      Error: { Type: options.error.type, Code: options.error.code, Message: options.error.message },
      RequestId: options.requestId,
    },
  });
}

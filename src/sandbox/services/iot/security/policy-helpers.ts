/** IoT policy documents (POL-1): the IAM policy grammar plus IoT's size quota. */
import { ServiceError } from "../../../errors.js";
import { policyDocumentProblem, policySize } from "../../iam/policy-document.js";

/** The AWS IoT quota on a policy document, whitespace excluded. */
const POLICY_DOCUMENT_QUOTA = 2_048;

/** Throws 400 MalformedPolicyException unless the text is an IoT policy within the quota. */
export function checkIotPolicyDocument(document: string): void {
  const problem = policyDocumentProblem(document, "iot");
  if (problem) throw new ServiceError("MalformedPolicyException", problem);
  if (policySize(document) > POLICY_DOCUMENT_QUOTA)
    throw new ServiceError(
      "MalformedPolicyException",
      `The policy document exceeds the maximum size of ${POLICY_DOCUMENT_QUOTA} characters (whitespace excluded)`,
    );
}

/** The most IoT policies attached to one target (AWS IoT quota). */
export const POLICIES_PER_TARGET = 10;

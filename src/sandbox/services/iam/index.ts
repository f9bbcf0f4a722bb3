import * as sdk from "@aws-sdk/client-iam";
import type { OperationDefinition, ServiceDefinition } from "../types.js";
import { attachRolePolicy } from "./attach-role-policy.js";
import { createPolicy } from "./create-policy.js";
import { createRole } from "./create-role.js";
import { deletePolicy } from "./delete-policy.js";
import { deleteRole } from "./delete-role.js";
import { deleteRolePolicy } from "./delete-role-policy.js";
import { detachRolePolicy } from "./detach-role-policy.js";
import { getPolicy } from "./get-policy.js";
import { getPolicyVersion } from "./get-policy-version.js";
import { getRole } from "./get-role.js";
import { getRolePolicy } from "./get-role-policy.js";
import { listAttachedRolePolicies } from "./list-attached-role-policies.js";
import { listInstanceProfilesForRole } from "./list-instance-profiles-for-role.js";
import { listPolicies } from "./list-policies.js";
import { listRolePolicies } from "./list-role-policies.js";
import { listRoleTags } from "./list-role-tags.js";
import { listRoles } from "./list-roles.js";
import { putRolePolicy } from "./put-role-policy.js";
import { tagRole } from "./tag-role.js";
import { untagRole } from "./untag-role.js";
import { updateAssumeRolePolicy } from "./update-assume-role-policy.js";
import { updateRole } from "./update-role.js";

const operations: OperationDefinition[] = [
  createRole,
  getRole,
  listRoles,
  updateRole,
  updateAssumeRolePolicy,
  deleteRole,
  putRolePolicy,
  getRolePolicy,
  listRolePolicies,
  deleteRolePolicy,
  attachRolePolicy,
  detachRolePolicy,
  listAttachedRolePolicies,
  listInstanceProfilesForRole,
  createPolicy,
  getPolicy,
  getPolicyVersion,
  listPolicies,
  deletePolicy,
  tagRole,
  untagRole,
  listRoleTags,
];

export const iam: ServiceDefinition = {
  key: "iam",
  signingNames: ["iam"],
  protocol: "awsQuery",
  sdk,
  queryVersion: "2010-05-08",
  xmlNamespace: "https://iam.amazonaws.com/doc/2010-05-08/",
  validationError: "ValidationError",
  throttlingError: "Throttling",
  internalError: "ServiceFailure",
  global: true,
  // Sandbox limit: IAM's largest document (a managed policy, 131,072 characters) URL-encoded fits.
  bodyLimit: { bytes: 1024 * 1024 },
  operations,
};

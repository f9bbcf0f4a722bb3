/**
 * AWS_ThingGroups (IDX-4, IDX-11): thing group documents, built from the registry when queried
 * (an account holds few groups, so no in-memory index is kept).
 */
import type { ThingGroupDocument } from "@aws-sdk/client-iot";
import type { OperationContext } from "../../types.js";
import { Hierarchy } from "../registry/groups.js";
import { thingGroups } from "../registry/model.js";
import { type DocValues, DocValuesBuilder, emitValue } from "./query-match.js";

export interface IndexedGroup {
  name: string;
  values: DocValues;
  document: ThingGroupDocument;
}

/** Every thing group's document, in name order. */
export function indexedGroups(ctx: OperationContext): IndexedGroup[] {
  const hierarchy = new Hierarchy(ctx);
  return thingGroups(ctx)
    .list()
    .map(({ doc }) => {
      const parents = hierarchy.ancestors(doc.thingGroupName);
      const document: ThingGroupDocument = {
        thingGroupName: doc.thingGroupName,
        thingGroupId: doc.thingGroupId,
      };
      const b = new DocValuesBuilder();
      emitValue(b, "thingGroupName", doc.thingGroupName);
      emitValue(b, "thingGroupId", doc.thingGroupId);
      emitValue(b, "version", doc.version);
      if (doc.description !== undefined) {
        document.thingGroupDescription = doc.description;
        emitValue(b, "thingGroupDescription", doc.description);
      }
      if (Object.keys(doc.attributes).length > 0) document.attributes = { ...doc.attributes };
      for (const [k, v] of Object.entries(doc.attributes)) emitValue(b, `attributes.${k}`, v);
      if (parents.length > 0) document.parentGroupNames = parents;
      for (const p of parents) emitValue(b, "parentGroupNames", p);
      return { name: doc.thingGroupName, values: b.values, document };
    });
}

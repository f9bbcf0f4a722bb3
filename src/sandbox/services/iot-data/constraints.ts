/** Input constraints shared by the iot-data operations (values from aws-operations.json, VAL-1). */
import { len } from "../../protocol/validate.js";

export const THING_NAME = len(1, 128, "^[a-zA-Z0-9:_-]+$");
/** SHD-1: named shadows, `$package` included. */
export const SHADOW_NAME = len(1, 64, "^[$a-zA-Z0-9:_-]+$");

export const SHADOW_CONSTRAINTS = { thingName: THING_NAME, shadowName: SHADOW_NAME };

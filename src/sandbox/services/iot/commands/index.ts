import type { OperationDefinition, ReservedTopicHandler } from "../../types.js";
import { createCommand } from "./create-command.js";
import { deleteCommandExecution } from "./delete-command-execution.js";
import { deleteCommand } from "./delete-command.js";
import { getCommandExecution } from "./get-command-execution.js";
import { getCommand } from "./get-command.js";
import { listCommandExecutions } from "./list-command-executions.js";
import { listCommands } from "./list-commands.js";
import { commandResponseTopic } from "./response-topic.js";
import { updateCommand } from "./update-command.js";

export { startCommandTimers } from "./timers.js";

export const commandsOperations: OperationDefinition[] = [
  createCommand,
  getCommand,
  listCommands,
  updateCommand,
  deleteCommand,
  getCommandExecution,
  listCommandExecutions,
  deleteCommandExecution,
];

export const commandsTopics: ReservedTopicHandler[] = [commandResponseTopic];

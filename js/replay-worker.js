// A worker of `intake-rules replay`: loads both versions once, then decides batches of JSON
// Lines under both (Policy.replayBatch) and posts back the batch's counts.
import { parentPort, workerData } from "node:worker_threads";
import { Policy } from "./node.js";

const oldPolicy = Policy.fromJson(workerData.old);
const newPolicy = Policy.fromJson(workerData.new);

parentPort.on("message", (batch) => {
  const counts = Policy.replayBatch(oldPolicy, newPolicy, batch.text, batch.first, workerData.keep);
  parentPort.postMessage({ id: batch.id, counts });
});

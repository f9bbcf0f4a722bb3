/** The budget for request bodies in flight (front.ts): room, waiting in line, refusal, one oversized body alone. */
import assert from "node:assert/strict";
import { test } from "node:test";
import { BodyBudget } from "../../src/sandbox/body-budget.js";

test("bodies within the budget are admitted at once; beyond it they are refused when nobody may wait", () => {
  const budget = new BodyBudget(100, 0);
  assert.equal(budget.reserve(60), true);
  assert.equal(budget.reserve(40), true);
  assert.equal(budget.reserve(1), false);
  budget.release(40);
  assert.equal(budget.reserve(30), true);
  assert.equal(budget.reservedBytes, 90);
});

test("a body larger than the whole budget is admitted alone, and holds the others back", () => {
  const budget = new BodyBudget(100, 0);
  assert.equal(budget.reserve(500), true);
  assert.equal(budget.reserve(1), false);
  budget.release(500);
  assert.equal(budget.reserve(1), true);
  assert.equal(budget.reserve(500), false);
});

test("waiting bodies are served in arrival order when room frees; a later small one queues behind them", async () => {
  const budget = new BodyBudget(100, 60_000);
  assert.equal(budget.reserve(100), true);
  const order: string[] = [];
  const large = Promise.resolve(budget.reserve(80)).then((ok) => order.push(`large:${ok}`));
  const small = Promise.resolve(budget.reserve(10)).then((ok) => order.push(`small:${ok}`));
  const late = budget.reserve(1);
  assert.ok(late instanceof Promise, "a body arriving while others wait does not overtake them");
  budget.release(100);
  await Promise.all([large, small, late]);
  assert.deepEqual(order, ["large:true", "small:true"]);
  assert.equal(budget.reservedBytes, 91);
});

test("a body that finds no room within the wait is refused", async () => {
  const budget = new BodyBudget(10, 1);
  assert.equal(budget.reserve(10), true);
  assert.equal(await budget.reserve(5), false);
  budget.release(10);
  assert.equal(budget.reservedBytes, 0);
});

test("a body of unknown length grows its reservation while there is room, or while it is alone", () => {
  const budget = new BodyBudget(100, 0);
  assert.equal(budget.reserve(0), true);
  assert.equal(budget.grow(500), true);
  assert.equal(budget.reserve(0), false);
  const shared = new BodyBudget(100, 0);
  assert.equal(shared.reserve(0), true);
  assert.equal(shared.reserve(50), true);
  assert.equal(shared.grow(50), true);
  assert.equal(shared.grow(1), false);
});

// The Calendar API from JS, through the package's public entry (`import … from "intake-rules"`).
import { test } from "node:test";
import assert from "node:assert/strict";
import { Calendar } from "intake-rules";

const cal = Calendar.builtin();

test("coverage is 2019 through 2026", () => {
  assert.deepEqual(cal.coverage(), { from: "2019-01-01", to: "2026-12-31" });
});

test("holidays and make-up days", () => {
  assert.equal(cal.isWorkingDay("2026-10-01"), false);
  assert.equal(cal.isWorkingDay("2026-10-10"), true); // make-up Saturday
  assert.equal(cal.isWorkingDay("2024-02-09"), true); // 除夕 2024 was a working day
  assert.equal(cal.isWorkingDay("2020-02-01"), false); // make-up day swallowed by the extension
  assert.equal(cal.isWorkingDay("2020-02-03"), true);
  assert.equal(cal.isWorkingDay("2019-05-05"), true); // 2019 Labour Day change
});

test("working-day arithmetic", () => {
  assert.equal(cal.addWorkingDays("2026-09-30", 1), "2026-10-08");
  assert.equal(cal.addWorkingDays("2026-09-30", 0), "2026-09-30");
  assert.equal(cal.addWorkingDays("2026-10-03", 0), "2026-10-08");
  assert.equal(cal.workingDaysBetween("2026-09-30", "2026-10-13"), 5);
  assert.equal(cal.workingDaysBetween("2026-10-13", "2026-09-30"), -5);
});

test("received day and cutoff", () => {
  assert.equal(cal.receivedOn("2026-09-30T16:59:59+08:00"), "2026-09-30");
  assert.equal(cal.receivedOn("2026-09-30T17:00:00+08:00"), "2026-10-08");
  assert.equal(cal.receivedOn("2026-09-30T09:00:00Z"), "2026-10-08");
  assert.equal(cal.receivedOn("2026-09-30T17:30:00+08:00", "18:00"), "2026-09-30");
});

test("due with periods and pauses", () => {
  assert.equal(cal.due("2026-09-28", { natural_days: 5 }), "2026-10-08");
  assert.equal(cal.due("2026-01-31", { months: 1 }), "2026-02-28"); // a make-up Saturday: a working day
  assert.equal(cal.due("2026-09-05", { months: 1 }), "2026-10-08"); // 10-05 is in the National Day break
  assert.equal(
    cal.due("2026-11-02", { working_days: 5 }, [{ from: "2026-11-03", to: "2026-11-05" }, { from: "2026-11-04", to: "2026-11-06" }]),
    "2026-11-13",
  );
});

function throwsWith(fn, name, code) {
  assert.throws(fn, (e) => {
    assert.ok(e instanceof Error);
    assert.equal(e.name, name);
    assert.equal(e.code, code);
    assert.ok(Array.isArray(e.issues) && e.issues.length > 0);
    assert.ok(e.issues[0].message["zh-CN"] && e.issues[0].message.en);
    return true;
  });
}

test("errors are structured CalendarErrors", () => {
  throwsWith(() => cal.addWorkingDays("2026-02-30", 1), "CalendarError", "bad_date");
  throwsWith(() => cal.addWorkingDays("2026-12-30", 5), "CalendarError", "calendar_out_of_range");
  throwsWith(() => cal.addWorkingDays("2026-01-05", -1), "CalendarError", "bad_limit");
  throwsWith(() => cal.addWorkingDays("2026-01-05", 1e9), "CalendarError", "calendar_out_of_range");
  throwsWith(() => cal.addWorkingDays("2026-01-05", NaN), "CalendarError", "bad_limit");
  throwsWith(() => cal.addWorkingDays(20260105, 1), "CalendarError", "type_mismatch");
  throwsWith(() => cal.receivedOn("yesterday"), "CalendarError", "bad_time");
  throwsWith(() => cal.due("2026-01-05", { weeks: 2 }), "CalendarError", "bad_limit");
  throwsWith(() => Calendar.builtin("cn-taiwan"), "CalendarError", "unknown_calendar");
  // The instance still answers after every error.
  assert.equal(cal.addWorkingDays("2026-09-30", 1), "2026-10-08");
});

test("estimates beyond coverage are opt-in", () => {
  const est = Calendar.builtin("cn-mainland", { beyond_coverage: "weekends_only" });
  assert.equal(est.addWorkingDays("2026-12-31", 1), "2027-01-01");
  assert.deepEqual(est.coverage(), { from: "2019-01-01", to: "2026-12-31" });
});

test("withYear extends coverage by a published year", () => {
  const next = cal.withYear(2027, { holidays: ["2026-12-31", "2027-01-01"], workdays: [], source: "test" });
  assert.equal(next.coverage().to, "2027-12-31");
  assert.equal(next.isWorkingDay("2026-12-31"), false);
  assert.equal(next.addWorkingDays("2026-12-30", 1), "2027-01-04");
});

test("withOverrides adds local holidays", () => {
  const local = cal.withOverrides({ holidays: ["2026-11-23"], workdays: [] });
  assert.equal(local.isWorkingDay("2026-11-23"), false);
  assert.equal(cal.isWorkingDay("2026-11-23"), true);
});

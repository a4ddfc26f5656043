// Instance survival and object lifecycle for the package's classes (Policy, PolicySet,
// Calendar). Imported once by the entry points (node.js, browser.js) before they instantiate
// the module; it patches the classes' methods in place, so `import { Policy }` is unchanged.
//
//  - A trap (WebAssembly.RuntimeError: a bug, or memory exhausted) leaves the instance's state
//    undefined: its shadow stack is not unwound, and after a few hundred traps every call fails.
//    The first trap re-instantiates the module (fresh memory, same compiled code) through the
//    glue's `__wbg_reset_state`; the call that trapped, and every later call on an object made
//    before the reset, throws `instance_reset`. Objects made afterwards work normally.
//  - A method called on an object after its free() throws `use_after_free`; a second free()
//    throws `double_free`; a method called on an object of another class (or a plain object)
//    throws `wrong_class` — instead of wasm-bindgen's "null pointer passed to rust" or a trap.
//  - free() called while one of the object's own methods is running (from a getter of the
//    request, say) is deferred until that call returns, instead of leaving the object half
//    freed and leaked.
// All of these are `Error`s with `name: "IntakeRulesError"`, a `code` and `issues`, like every
// other error of the package (docs/errors.md).

import * as glue from "./intake_rules.js";

const STATE = Symbol("intake-rules.state");
const CLASSES = ["Policy", "PolicySet", "Calendar"].filter((n) => typeof glue[n] === "function");

/** Incremented with each reset; objects carry the generation they were made in. */
let generation = 0;

function lifecycleError(code, zh, en, cause) {
  const e = new Error(en, cause === undefined ? undefined : { cause });
  e.name = "IntakeRulesError";
  e.code = code;
  e.issues = [{ path: "", line: null, column: null, code, severity: "error", message: { "zh-CN": zh, en } }];
  return e;
}

const resetError = (cause) =>
  lifecycleError(
    "instance_reset",
    "模块实例曾因异常（trap）中止并已重新启动：此前创建的对象已失效，请重新创建",
    "the module instance stopped on a trap and was restarted: objects made before the restart are gone; create them again",
    cause,
  );

function isTrap(e) {
  // A wasm stack overflow surfaces as a RangeError; the shadow stack is then in an unknown state.
  return e instanceof WebAssembly.RuntimeError || (e instanceof RangeError && /call stack/i.test(e.message));
}

/** Re-instantiate the module after a trap, keeping the memory ceiling the caller set. */
function reset() {
  let limit;
  try {
    limit = typeof glue.memoryLimit === "function" ? glue.memoryLimit() : undefined;
  } catch {
    limit = undefined;
  }
  // Built without wasm-bindgen's `--experimental-reset-state-function` (scripts/build-pkg.sh
  // passes it) there is no way back: every object then reports `instance_reset`.
  if (typeof glue.__wbg_reset_state === "function") glue.__wbg_reset_state();
  generation += 1;
  if (limit !== undefined && typeof glue.setMemoryLimit === "function") glue.setMemoryLimit(limit);
}

/** Mark `r` (or the objects in an array `r`) as made in this generation. */
function adopt(r) {
  if (r === null || typeof r !== "object") return r;
  if (Array.isArray(r)) {
    for (const x of r) adopt(x);
    return r;
  }
  if (r[STATE] === undefined && typeof r.__wbg_ptr === "number") {
    const cls = CLASSES.find((n) => r instanceof glue[n]);
    if (cls !== undefined) {
      Object.defineProperty(r, STATE, {
        value: { cls, generation, busy: 0, freed: false, pendingFree: false },
      });
    }
  }
  return r;
}

/** The state of `obj` if it is a live object of class `cls`; throws the documented error otherwise. */
function live(obj, cls, what) {
  const st = obj !== null && (typeof obj === "object" || typeof obj === "function") ? obj[STATE] : undefined;
  if (st === undefined || st.cls !== cls) {
    throw lifecycleError(
      "wrong_class",
      `${what} 需要 ${cls} 对象，收到的是 ${describe(obj)}`,
      `${what} needs a ${cls} object, got ${describe(obj)}`,
    );
  }
  if (st.generation !== generation) throw resetError();
  if (st.freed) {
    throw lifecycleError(
      "use_after_free",
      `${cls} 对象已调用 free()，不能再使用`,
      `this ${cls} was freed (free() or the end of its \`using\` block) and cannot be used`,
    );
  }
  return st;
}

function describe(v) {
  if (v === null) return "null";
  if (v === undefined) return "undefined";
  const st = v[STATE];
  if (st !== undefined) return st.cls;
  if (typeof v === "object") return v.constructor?.name ?? "Object";
  return typeof v;
}

/** Run one call into the module: a trap resets the instance and throws `instance_reset`.
 *  (Every method takes at most five arguments — `Policy.replayBatch` has five; an absent one
 *  is passed as undefined, which the glue reads the same way. Fixed arity keeps this wrapper
 *  cheap on the hot path.) */
function enter(fn, self, a, b, c, d, e5) {
  let r;
  try {
    r = fn.call(self, a, b, c, d, e5);
  } catch (e) {
    if (isTrap(e)) {
      reset();
      throw resetError(e);
    }
    if (e instanceof Error && /stale object from previous Wasm instance/.test(e.message)) throw resetError(e);
    throw e;
  }
  return adopt(r);
}

/** Arguments that must be objects of a class: `Policy.diff(old, next)`. */
const CLASS_ARGS = { Policy: { diff: ["Policy", "Policy"], replayBatch: ["Policy", "Policy"] } };

function wrapStatic(cls, name, fn) {
  const checks = CLASS_ARGS[cls]?.[name];
  if (checks === undefined) {
    return {
      [name](a, b, c, d, e) {
        return enter(fn, this, a, b, c, d, e);
      },
    }[name];
  }
  return {
    [name](...args) {
      const states = checks.map((c, i) => live(args[i], c, `${cls}.${name}`));
      for (const st of states) st.busy += 1;
      try {
        return enter(fn, this, ...args);
      } finally {
        states.forEach((st, i) => settle(st, args[i]));
      }
    },
  }[name];
}

function wrapMethod(cls, name, fn) {
  return {
    [name](a, b, c, d) {
      const st = live(this, cls, `${cls}.prototype.${name}`);
      st.busy += 1;
      try {
        return enter(fn, this, a, b, c, d);
      } finally {
        settle(st, this);
      }
    },
  }[name];
}

/** After a call on `obj` returns: a free() asked for during the call happens now. */
function settle(st, obj) {
  st.busy -= 1;
  if (st.busy === 0 && st.pendingFree) {
    st.pendingFree = false;
    if (st.generation === generation) realFree.get(st.cls).call(obj);
  }
}

const realFree = new Map();

function patch(cls) {
  const C = glue[cls];
  const proto = C.prototype;
  const free = proto.free;
  realFree.set(cls, free);
  for (const name of Object.getOwnPropertyNames(proto)) {
    if (name === "constructor" || name === "free" || name.startsWith("__")) continue;
    const d = Object.getOwnPropertyDescriptor(proto, name);
    if (typeof d.value === "function") {
      Object.defineProperty(proto, name, { ...d, value: wrapMethod(cls, name, d.value) });
    } else if (typeof d.get === "function") {
      Object.defineProperty(proto, name, { ...d, get: wrapMethod(cls, name, d.get) });
    }
  }
  for (const name of Object.getOwnPropertyNames(C)) {
    if (["length", "name", "prototype"].includes(name) || name.startsWith("__")) continue;
    const d = Object.getOwnPropertyDescriptor(C, name);
    if (typeof d.value === "function") {
      Object.defineProperty(C, name, { ...d, value: wrapStatic(cls, name, d.value) });
    }
  }
  const release = (obj, explicit) => {
    const st = obj !== null && typeof obj === "object" ? obj[STATE] : undefined;
    if (st === undefined || st.cls !== cls) {
      throw lifecycleError(
        "wrong_class",
        `${cls}.prototype.free 需要 ${cls} 对象，收到的是 ${describe(obj)}`,
        `${cls}.prototype.free needs a ${cls} object, got ${describe(obj)}`,
      );
    }
    if (st.freed) {
      if (!explicit) return; // `using` after an explicit free(): nothing left to do
      throw lifecycleError("double_free", `${cls} 对象被第二次 free()`, `free() was called twice on this ${cls}`);
    }
    st.freed = true;
    // An object of an earlier instance has nothing left to free (its memory went with it).
    if (st.generation !== generation) return;
    if (st.busy > 0) {
      st.pendingFree = true;
      return;
    }
    enter(free, obj);
  };
  Object.defineProperty(proto, "free", {
    value: function free() {
      release(this, true);
    },
    writable: true,
    configurable: true,
  });
  if (typeof Symbol.dispose === "symbol") {
    Object.defineProperty(proto, Symbol.dispose, {
      value: function dispose() {
        release(this, false);
      },
      writable: true,
      configurable: true,
    });
  }
}

for (const cls of CLASSES) patch(cls);

// The portal module has no loader: it loads published policies only. Calling a loader entry
// there is a programming error that deserves more than "is not a function".
const FULL_ONLY = { Policy: ["fromJson", "fromObject", "builtin", "builtinIds"], PolicySet: ["fromJson", "fromObject", "builtin", "builtinIds"] };
const portal = typeof glue.Policy?.fromJson !== "function";
for (const [cls, names] of Object.entries(portal ? FULL_ONLY : {})) {
  const C = glue[cls];
  if (C === undefined) continue;
  for (const name of names) {
    if (typeof C[name] === "function") continue;
    Object.defineProperty(C, name, {
      value: function fullModuleOnly() {
        throw new TypeError(
          `${cls}.${name} is not in the portal module (intake-rules/portal), which loads published policies only: ` +
            `publish the policy (\`intake-rules publish policy.json -o policy.bin\`, or policy.publish() in the full module) ` +
            `and load it with ${cls}.fromPublished(bytes), or import the full module "intake-rules". ` +
            `门户模块只加载已发布的策略：请先发布策略，再用 ${cls}.fromPublished(bytes) 加载，或改用完整模块 "intake-rules"。`,
        );
      },
      writable: true,
      configurable: true,
    });
  }
}

// Module-level functions (`setMemoryLimit`, `memoryUsage`) touch no object; a trap in them is
// still recovered from by the next call on the classes.

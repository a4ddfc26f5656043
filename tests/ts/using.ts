// With Symbol.dispose in the project's lib (esnext.disposable), the classes are Disposable:
// `using` frees their WebAssembly memory at the end of the block.
import { Calendar, Policy } from "intake-rules";

export function decide(): string {
  using policy = Policy.builtin("joint-utility-connection");
  using cal = Calendar.builtin();
  const d: Disposable = policy;
  d[Symbol.dispose];
  return cal.addWorkingDays("2026-09-30", policy.targets().length);
}

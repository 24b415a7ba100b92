import { useEffect, useRef, useState, type KeyboardEvent } from "react";
import { stepFrom, stepText } from "~/lib/number-step";
import { useT } from "~/lib/use-t";

// A number field with − and + buttons, for scoring on a tablet without a keyboard (issue 16, item
// 5). The input stays a plain text field (inputMode="decimal") so that typing "82,5" keeps working
// and the form posts what is shown (app/lib/form-number.ts reads it); without JavaScript the
// buttons are disabled and the field works alone. A button sets the value the way typing does: the
// native value setter, then "input" and "change" events, so React's onChange (the scoresheet's
// autosave) and any other listener see a tapped value exactly like a typed one. Holding a button
// repeats the step; ArrowUp/ArrowDown in the field step as a number input would.

const HOLD_MS = 450;
const REPEAT_MS = 90;

export interface NumberStepperProps {
  id: string;
  name: string;
  /** The field's name as people read it, for the buttons' labels ("Tambah <label>"). */
  label: string;
  /** A number is shown the Indonesian way; a string (input sent back by a refused save) as typed. */
  defaultValue?: number | string | null;
  min?: number;
  max: number;
  /** The criterion's step; 1 when none. */
  step?: number | null;
  disabled?: boolean;
  "aria-invalid"?: boolean;
  "aria-describedby"?: string;
}

const setNativeValue = Object.getOwnPropertyDescriptor(
  typeof HTMLInputElement === "undefined" ? Object.prototype : HTMLInputElement.prototype,
  "value",
)?.set;

export function NumberStepper({
  id,
  name,
  label,
  defaultValue,
  min = 0,
  max,
  step,
  disabled,
  ...aria
}: NumberStepperProps) {
  const t = useT();
  const input = useRef<HTMLInputElement>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const scale = { min, max, step: step && step > 0 ? step : 1 };

  const move = (direction: 1 | -1) => {
    const el = input.current;
    if (!el || el.disabled) return;
    const text = stepText(stepFrom(el.value, direction, scale));
    if (text === el.value) return;
    if (setNativeValue) setNativeValue.call(el, text);
    else el.value = text;
    el.dispatchEvent(new Event("input", { bubbles: true }));
    el.dispatchEvent(new Event("change", { bubbles: true }));
  };

  // Press and hold: after HOLD_MS the step repeats until release; the click that ends a hold does
  // not step once more. A tap or a key press on the button is a click: one step.
  const hold = useRef<{ timer?: ReturnType<typeof setTimeout>; repeated: boolean }>({ repeated: false });
  const release = () => {
    clearTimeout(hold.current.timer);
    clearInterval(hold.current.timer);
  };
  useEffect(() => release, []);
  const buttonProps = (direction: 1 | -1) => ({
    type: "button" as const,
    className: "stepper__button",
    "aria-label": t(direction > 0 ? "stepper.increase" : "stepper.decrease", { name: label }),
    "aria-controls": id,
    disabled: disabled || !hydrated,
    onPointerDown: () => {
      release();
      hold.current.repeated = false;
      hold.current.timer = setTimeout(() => {
        hold.current.repeated = true;
        move(direction);
        hold.current.timer = setInterval(() => move(direction), REPEAT_MS);
      }, HOLD_MS);
    },
    onPointerUp: release,
    onPointerLeave: release,
    onPointerCancel: release,
    onContextMenu: (e: { preventDefault(): void }) => e.preventDefault(),
    onClick: () => {
      if (hold.current.repeated) hold.current.repeated = false;
      else move(direction);
    },
  });

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key !== "ArrowUp" && e.key !== "ArrowDown") return;
    e.preventDefault();
    move(e.key === "ArrowUp" ? 1 : -1);
  };

  return (
    <div className="stepper">
      <button {...buttonProps(-1)}>
        <span aria-hidden="true">−</span>
      </button>
      <input
        ref={input}
        id={id}
        name={name}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        defaultValue={typeof defaultValue === "number" ? stepText(defaultValue) : (defaultValue ?? "")}
        disabled={disabled}
        onKeyDown={onKeyDown}
        {...aria}
      />
      <button {...buttonProps(1)}>
        <span aria-hidden="true">+</span>
      </button>
    </div>
  );
}

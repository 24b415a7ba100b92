// Each text as [Bahasa Indonesia, English]. The − and + buttons of a number field
// (app/components/NumberStepper.tsx); {name} is the field's name.
export const stepper = {
  "stepper.decrease": ["Kurangi {name}", "Decrease {name}"],
  "stepper.increase": ["Tambah {name}", "Increase {name}"],
} as const satisfies Record<string, readonly [string, string]>;

import { describe, expect, it } from "vitest";
import { createElement as h } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { ChoiceGroup, Field, SelectField, TextareaField } from "../../app/components/Field";

const html = (el: Parameters<typeof renderToStaticMarkup>[0]) => renderToStaticMarkup(el);

describe("the Field kit", () => {
  it("links a field's hint and error to its control and marks it invalid", () => {
    const out = html(h(Field, { name: "email", label: "Surel", hint: "Kantor", error: "Salah", defaultValue: "a@b" }));
    expect(out).toContain('<label for="f-email">Surel</label>');
    expect(out).toContain('id="f-email-hint"');
    expect(out).toContain('id="f-email-error"');
    expect(out).toMatch(
      /<input id="f-email" name="email"[^>]*aria-invalid="true" aria-describedby="f-email-hint f-email-error"/,
    );
    expect(out).toContain('class="field field--error"');
  });

  it("says nothing invalid without an error, and names a row's ids by its path", () => {
    const out = html(
      h(SelectField, {
        name: "regulations.1.type",
        label: "Jenis",
        placeholder: "–",
        options: [["perda", "Perda"]],
        defaultValue: "perda",
      }),
    );
    expect(out).toContain('<label for="f-regulations-1-type">');
    expect(out).toContain('name="regulations.1.type"');
    expect(out).not.toContain("aria-invalid");
    expect(out).not.toContain("aria-describedby");
    expect(out).toMatch(/<option value="">–<\/option><option value="perda" selected="">Perda<\/option>/);
  });

  it("covers textareas", () => {
    const out = html(h(TextareaField, { name: "json", label: "JSON", error: "Rusak", rows: 4 }));
    expect(out).toMatch(
      /<textarea id="f-json" name="json" aria-invalid="true" aria-describedby="f-json-error" rows="4">/,
    );
  });

  it("groups radios or checkboxes under a legend, the error linked to the group", () => {
    const radios = html(
      h(ChoiceGroup, {
        name: "role",
        label: "Peran",
        checked: "juror",
        error: "Pilih",
        options: [
          ["assessor", "Penilai"],
          ["juror", "Juri"],
        ],
      }),
    );
    expect(radios).toMatch(
      /<fieldset class="field field--error" aria-describedby="f-role-error"><legend>Peran<\/legend>/,
    );
    expect(radios).toContain('<input type="radio" name="role" aria-invalid="true" checked="" value="juror"/> Juri');
    expect(radios).not.toMatch(/checked="" value="assessor"/);
    const boxes = html(
      h(ChoiceGroup, {
        type: "checkbox",
        name: "categories",
        label: "Kategori",
        checked: ["a", "c"],
        options: [
          ["a", "A"],
          ["b", "B"],
          ["c", "C"],
        ],
      }),
    );
    expect(boxes.match(/checked=""/g)).toHaveLength(2);
    expect(boxes).not.toContain("aria-describedby");
  });
});

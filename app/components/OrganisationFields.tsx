import { Field, SelectField } from "~/components/Field";
import { COMPANY_SIZES } from "~/domain/categories";
import { useT } from "~/lib/use-t";
import type { OrganisationKind } from "../../db/schema";

type Errors = Record<string, string | undefined>;
type Values = Record<string, string | undefined>;

/** The organisation part of the getting-in forms (name, kind, region, NPP, NIB, size, sector). */
export function OrganisationFields({
  kinds,
  errors = {},
  values = {},
}: {
  kinds: readonly OrganisationKind[];
  errors?: Errors;
  values?: Values;
}) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t("portal.join.organisation")}</legend>
      <Field
        name="orgName"
        label={t("portal.join.orgName")}
        defaultValue={values.orgName}
        error={errors.orgName}
        required
        autoComplete="organization"
      />
      <SelectField
        name="kind"
        label={t("portal.join.kind")}
        defaultValue={values.kind ?? (kinds.length === 1 ? kinds[0] : "")}
        error={errors.kind}
        placeholder={kinds.length > 1 ? t("portal.join.choose") : undefined}
        options={kinds.map((k) => [k, t(`portal.orgKind.${k}`)])}
      />
      <Field
        name="region"
        label={t("portal.join.region")}
        hint={t("portal.join.regionHint")}
        defaultValue={values.region}
        error={errors.region}
        required
      />
      <Field
        name="npp"
        label={t("portal.join.npp")}
        hint={t("portal.join.nppHint")}
        defaultValue={values.npp}
        error={errors.npp}
      />
      <Field
        name="nib"
        label={t("portal.join.nib")}
        hint={t("portal.join.nibHint")}
        defaultValue={values.nib}
        error={errors.nib}
        inputMode="numeric"
      />
      <SelectField
        name="size"
        label={t("portal.join.size")}
        defaultValue={values.size ?? ""}
        error={errors.size}
        placeholder={t("portal.join.sizeNone")}
        options={COMPANY_SIZES.map((s) => [s, t(`portal.size.${s}`)])}
      />
      <Field name="sector" label={t("portal.join.sector")} defaultValue={values.sector} error={errors.sector} />
    </fieldset>
  );
}

/** Name, email and password (twice) of the new account. */
export function AccountFields({
  errors = {},
  values = {},
  fixedEmail,
}: {
  errors?: Errors;
  values?: Values;
  fixedEmail?: string | null;
}) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t("portal.join.account")}</legend>
      <Field
        name="name"
        label={t("portal.join.name")}
        defaultValue={values.name}
        error={errors.name}
        required
        autoComplete="name"
      />
      <Field
        name="email"
        type="email"
        label={t("login.email")}
        autoComplete="username"
        required
        defaultValue={fixedEmail ?? values.email}
        readOnly={Boolean(fixedEmail)}
        error={errors.email}
        hint={fixedEmail ? t("portal.join.emailFixed") : undefined}
      />
      <Field
        name="password"
        type="password"
        label={t("login.password")}
        hint={t("portal.join.passwordHint")}
        autoComplete="new-password"
        required
        error={errors.password}
      />
      <Field
        name="password2"
        type="password"
        label={t("portal.join.password2")}
        autoComplete="new-password"
        required
        error={errors.password2}
      />
    </fieldset>
  );
}

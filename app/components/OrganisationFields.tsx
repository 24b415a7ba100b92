import { Field } from "~/components/Field";
import type { MessageKey } from "~/i18n";
import { useT } from "~/lib/use-t";

type Errors = Record<string, string | undefined>;
type Values = Record<string, string | undefined>;

/** The organisation part of the getting-in forms (name, kind, region, NPP, NIB, size, sector). */
export function OrganisationFields({ kinds, errors = {}, values = {} }: { kinds: readonly string[]; errors?: Errors; values?: Values }) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t("portal.join.organisation")}</legend>
      <Field name="orgName" label={t("portal.join.orgName")} defaultValue={values.orgName} error={errors.orgName} required autoComplete="organization" />
      <div className={`field${errors.kind ? " field--error" : ""}`}>
        <label htmlFor="f-kind">{t("portal.join.kind")}</label>
        <select id="f-kind" name="kind" defaultValue={values.kind ?? (kinds.length === 1 ? kinds[0] : "")} aria-invalid={errors.kind ? true : undefined} aria-describedby={errors.kind ? "f-kind-error" : undefined}>
          {kinds.length > 1 ? <option value="">{t("portal.join.choose")}</option> : null}
          {kinds.map((k) => <option key={k} value={k}>{t(`portal.orgKind.${k}` as MessageKey)}</option>)}
        </select>
        {errors.kind ? <p className="error" id="f-kind-error">{errors.kind}</p> : null}
      </div>
      <Field name="region" label={t("portal.join.region")} hint={t("portal.join.regionHint")} defaultValue={values.region} error={errors.region} required />
      <Field name="npp" label={t("portal.join.npp")} hint={t("portal.join.nppHint")} defaultValue={values.npp} error={errors.npp} />
      <Field name="nib" label={t("portal.join.nib")} hint={t("portal.join.nibHint")} defaultValue={values.nib} error={errors.nib} inputMode="numeric" />
      <div className={`field${errors.size ? " field--error" : ""}`}>
        <label htmlFor="f-size">{t("portal.join.size")}</label>
        <select id="f-size" name="size" defaultValue={values.size ?? ""}>
          <option value="">{t("portal.join.sizeNone")}</option>
          {["large", "medium", "small", "micro"].map((s) => <option key={s} value={s}>{t(`portal.size.${s}` as MessageKey)}</option>)}
        </select>
        {errors.size ? <p className="error" id="f-size-error">{errors.size}</p> : null}
      </div>
      <Field name="sector" label={t("portal.join.sector")} defaultValue={values.sector} error={errors.sector} />
    </fieldset>
  );
}

/** Name, email and password (twice) of the new account. */
export function AccountFields({ errors = {}, values = {}, fixedEmail }: { errors?: Errors; values?: Values; fixedEmail?: string | null }) {
  const t = useT();
  return (
    <fieldset>
      <legend>{t("portal.join.account")}</legend>
      <Field name="name" label={t("portal.join.name")} defaultValue={values.name} error={errors.name} required autoComplete="name" />
      <Field
        name="email" type="email" label={t("login.email")} autoComplete="username" required
        defaultValue={fixedEmail ?? values.email} readOnly={Boolean(fixedEmail)} error={errors.email}
        hint={fixedEmail ? t("portal.join.emailFixed") : undefined}
      />
      <Field name="password" type="password" label={t("login.password")} hint={t("portal.join.passwordHint")} autoComplete="new-password" required error={errors.password} />
      <Field name="password2" type="password" label={t("portal.join.password2")} autoComplete="new-password" required error={errors.password2} />
    </fieldset>
  );
}

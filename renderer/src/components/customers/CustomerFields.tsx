import type { Dispatch, SetStateAction } from 'react';
import { isPersonType } from '../../../../shared/domain/customers/validate';
import { UNIVERSAL_CUSTOMER_TYPES } from '../../../../shared/domain/enums';
import type { FormErrors } from '../../lib/form-errors';
import {
  LABELS,
  TYPE_LABELS,
  type FormField,
  type FormValues,
  type TextFieldName,
} from '../../screens/customers/customer-form-values';
import { TextField } from '../TextField';
import { SelectField } from './SelectField';

export type CustomerFieldsProps = {
  values: FormValues;
  setValues: Dispatch<SetStateAction<FormValues>>;
  errors: FormErrors<FormField>;
  editing: boolean;
};

const TYPE_OPTIONS = UNIVERSAL_CUSTOMER_TYPES.map((value) => ({
  value,
  label: TYPE_LABELS[value],
}));
const GENDER_OPTIONS = [
  { value: '', label: 'Not given' },
  { value: 'FEMALE', label: 'Female' },
  { value: 'MALE', label: 'Male' },
  { value: 'OTHER', label: 'Other' },
] as const;

type Extra = { placeholder?: string; hint?: string; type?: string; inputMode?: 'tel' | 'email' };

// Every field of the plan, in the order a cashier asks: who, how to reach them, their papers,
// where they live. A person and an organisation show the names that apply to them.
export function CustomerFields({ values, setValues, errors, editing }: CustomerFieldsProps) {
  const person = isPersonType(values.type);
  const text = (name: TextFieldName, extra: Extra = {}) => (
    <TextField
      id={`customer-${name}`}
      label={LABELS[name]}
      value={values[name]}
      onValue={(value) => setValues((v) => ({ ...v, [name]: value }))}
      error={errors.fields[name]}
      testId={`customer-field-${name}`}
      autoComplete="off"
      spellCheck={false}
      {...extra}
    />
  );
  return (
    <>
      <fieldset className="form-section">
        <legend>Who</legend>
        <SelectField
          id="customer-type"
          label={LABELS.type}
          value={values.type}
          options={TYPE_OPTIONS}
          onValue={(type) => setValues((v) => ({ ...v, type }))}
          testId="customer-field-type"
          error={errors.fields.type}
        />
        {person ? (
          <div className="form-row">
            {text('firstName')}
            {text('lastName')}
          </div>
        ) : (
          text('companyName', { placeholder: 'e.g. Hope Trust' })
        )}
      </fieldset>
      <fieldset className="form-section">
        <legend>Contact</legend>
        <div className="form-row">
          {text('primaryPhone', { placeholder: '0772 123 456', inputMode: 'tel' })}
          {text('alternatePhone', { inputMode: 'tel' })}
        </div>
        {text('primaryEmail', { placeholder: 'name@example.com', inputMode: 'email' })}
      </fieldset>
      <fieldset className="form-section">
        <legend>Identity</legend>
        <div className="form-row">
          {text('nationalId', { placeholder: '63-123456A78' })}
          {person ? text('passportNumber') : null}
          {text('taxNumber')}
        </div>
        {person ? (
          <div className="form-row">
            {text('dateOfBirth', { type: 'date' })}
            <SelectField
              id="customer-gender"
              label={LABELS.gender}
              value={values.gender}
              options={GENDER_OPTIONS}
              onValue={(gender) => setValues((v) => ({ ...v, gender }))}
              testId="customer-field-gender"
            />
          </div>
        ) : null}
        {text('fullName', {
          hint: person
            ? 'Only if it differs from first + last name'
            : 'Only if it differs from the organisation name',
        })}
      </fieldset>
      <fieldset className="form-section">
        <legend>Address</legend>
        {text('address')}
        <div className="form-row">
          {text('city')}
          {text('state')}
        </div>
        <div className="form-row">
          {text('country')}
          {text('postalCode')}
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>More</legend>
        <div className="form-row">
          {text('referredBy', { hint: 'Who sent them to us' })}
          {text('tags', { hint: 'Separate with commas, e.g. vip, wholesale' })}
        </div>
        {editing ? text('source') : null}
      </fieldset>
    </>
  );
}

import { TextField } from "../ui/components";
import styles from "./PhoneBooking.module.css";
import type { NewClientFields } from "./phone-booking";

/** A caller who is not a client yet: created with the booking, without a log-in. */
export function NewClientFieldset({
  value,
  onChange,
  error,
}: {
  value: NewClientFields;
  onChange(value: NewClientFields): void;
  error(field: string): string | null;
}) {
  const field = (name: keyof NewClientFields) => ({
    value: value[name],
    onChange: (e: { target: { value: string } }) => onChange({ ...value, [name]: e.target.value }),
    autoComplete: "off",
    error: error(`newClient.${name}`),
  });
  return (
    <fieldset className={styles.fieldset}>
      <legend>New client</legend>
      <div className={styles.phonePair}>
        <TextField label="First name" autoFocus {...field("firstName")} />
        <TextField label="Last name" {...field("lastName")} />
      </div>
      <div className={styles.phonePair}>
        <TextField label="Phone" type="tel" {...field("phone")} />
        <TextField label="E-mail (optional)" type="email" {...field("email")} />
      </div>
    </fieldset>
  );
}

/**
 * The phone booking's client field: type a name, phone or e-mail, choose with ↑/↓ and Enter (or a
 * click). The ARIA 1.2 combobox pattern comes from downshift's `useCombobox`, so focus handling,
 * `aria-activedescendant` and screen-reader announcements are a maintained library's, not ours.
 */
import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCombobox } from "downshift";
import { useDeferredValue, useRef, useState } from "react";
import { type ClientSummary, clientsQuery } from "../clients/api";
import { Button } from "../ui/components";
import { cx } from "../ui/cx";
import styles from "./PhoneBooking.module.css";

function contact(client: ClientSummary): string {
  return client.phone ?? client.email ?? "";
}

export function ClientPicker({
  value,
  onChange,
  autoFocus,
}: {
  value: ClientSummary | null;
  onChange(client: ClientSummary | null): void;
  autoFocus?: boolean;
}) {
  const [text, setText] = useState("");
  const deferred = useDeferredValue(text.trim());
  // Keep the last matches on screen while the next search runs: without it the list empties on every
  // key, and Enter pressed in that moment chooses nothing.
  const results = useQuery({
    ...clientsQuery(deferred, 8),
    enabled: deferred.length > 0,
    placeholderData: keepPreviousData,
  });
  const options = deferred ? (results.data ?? []) : [];
  const inputRef = useRef<HTMLInputElement>(null);
  const combobox = useCombobox<ClientSummary>({
    items: options,
    itemToString: (client) => (client ? `${client.firstName} ${client.lastName}` : ""),
    // The input is downshift's own (a controlled one loses keys typed faster than React renders);
    // `text` follows it for the search.
    onInputValueChange: ({ inputValue }) => setText(inputValue ?? ""),
    // Choosing a client shows the chosen card; the field starts empty if the desk changes it.
    stateReducer: (_state, { type, changes }) =>
      type === useCombobox.stateChangeTypes.ItemClick ||
      type === useCombobox.stateChangeTypes.InputKeyDownEnter
        ? { ...changes, inputValue: "" }
        : changes,
    selectedItem: null,
    onSelectedItemChange: ({ selectedItem }) => {
      if (selectedItem) onChange(selectedItem);
    },
    defaultHighlightedIndex: 0,
  });

  if (value) {
    return (
      <div className="kw-field">
        <span className={styles.fieldLabel}>Client</span>
        <div className={styles.chosen}>
          <span>
            <strong>
              {value.firstName} {value.lastName}
            </strong>
            <span className="kw-muted"> · {contact(value) || "no contact details"}</span>
          </span>
          <Button
            variant="ghost"
            onClick={() => {
              onChange(null);
              requestAnimationFrame(() => inputRef.current?.focus());
            }}
          >
            Change<span className="kw-visually-hidden"> client</span>
          </Button>
        </div>
      </div>
    );
  }

  const open = combobox.isOpen && options.length > 0;
  return (
    <div className={cx(styles.combobox, "kw-field")}>
      {/* biome-ignore lint/a11y/noLabelWithoutControl: getLabelProps gives the label its htmlFor */}
      <label {...combobox.getLabelProps()}>Client</label>
      <span className="kw-field__hint" id="kw-client-pick-hint">
        Name, phone or e-mail; <kbd className="kw-kbd">↑</kbd> <kbd className="kw-kbd">↓</kbd> and{" "}
        <kbd className="kw-kbd">Enter</kbd> to choose.
      </span>
      <input
        className="kw-input"
        aria-describedby="kw-client-pick-hint"
        // biome-ignore lint/a11y/noAutofocus: the desk opens this dialog to type the caller's name at once
        autoFocus={autoFocus}
        {...combobox.getInputProps({
          ref: inputRef,
          onKeyDown: (event) => {
            // Ctrl+Enter books (the form's shortcut), even with the list open.
            if (event.key === "Enter" && (event.ctrlKey || event.metaKey)) {
              (event.nativeEvent as { preventDownshiftDefault?: boolean }).preventDownshiftDefault = true;
            }
            // Escape clears what was typed before it closes the dialog.
            if (event.key === "Escape" && text) event.stopPropagation();
          },
        })}
      />
      <ul
        className={styles.comboboxList}
        aria-label="Matching clients"
        {...combobox.getMenuProps()}
        hidden={!open}
      >
        {open
          ? options.map((client, index) => (
              <li
                key={client.id}
                className={styles.comboboxOption}
                {...combobox.getItemProps({ item: client, index })}
              >
                <strong>
                  {client.lastName}, {client.firstName}
                </strong>
                <span className="kw-muted">{contact(client)}</span>
              </li>
            ))
          : null}
      </ul>
      {deferred && results.isSuccess && options.length === 0 ? (
        <span className="kw-field__hint" role="status">
          No client matches "{deferred}". Add them as a new client.
        </span>
      ) : null}
    </div>
  );
}

import { useEffect, useRef, useState } from 'preact/hooks';
import { t } from '../../utils/shared/i18n';
import type { OptionsActions } from '../OptionsView';
import { Group } from './Group';

/** "Reset to defaults", which asks first. */
export function ResetSection({ actions }: { actions: OptionsActions }) {
  const [confirmReset, setConfirmReset] = useState(false);
  const resetButton = useRef<HTMLButtonElement>(null);
  const cancelButton = useRef<HTMLButtonElement>(null);
  // The confirmation replaces the button that opened it: keep keyboard focus with it
  // (on the safe choice), and give focus back to "Reset" when it closes.
  const opened = useRef(false);
  useEffect(() => {
    if (confirmReset) cancelButton.current?.focus();
    else if (opened.current) resetButton.current?.focus();
    opened.current = confirmReset;
  }, [confirmReset]);
  return (
    <Group id="opt-reset" title={t('optionsReset')} help={t('optionsResetHelp')}>
      {confirmReset ? (
        <p
          role="alert"
          onKeyDown={(e) => {
            if (e.key !== 'Escape') return;
            e.preventDefault();
            setConfirmReset(false);
          }}
        >
          {t('optionsResetConfirm')}{' '}
          <button
            type="button"
            class="bs-button bs-danger"
            onClick={() => {
              actions.reset();
              setConfirmReset(false);
            }}
          >
            {t('optionsResetYes')}
          </button>{' '}
          <button type="button" class="bs-button" ref={cancelButton} onClick={() => setConfirmReset(false)}>
            {t('optionsCancel')}
          </button>
        </p>
      ) : (
        <button type="button" class="bs-button" ref={resetButton} onClick={() => setConfirmReset(true)}>
          {t('optionsReset')}
        </button>
      )}
    </Group>
  );
}

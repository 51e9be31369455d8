import { useI18n } from '../i18n';
import { weekdays, type OpeningRow } from '../opening-hours';

/** Opening hours as rows of ticked weekdays and a from–to time; no rule typing. Empty: always open. */
export function OpeningHoursEditor({
  rows,
  onChange,
}: {
  rows: OpeningRow[];
  onChange: (rows: OpeningRow[]) => void;
}) {
  const { t } = useI18n();
  const update = (index: number, change: Partial<OpeningRow>) =>
    onChange(rows.map((row, i) => (i === index ? { ...row, ...change } : row)));
  return (
    <fieldset>
      <legend>{t('openingHours')}</legend>
      {rows.length === 0 ? <p className="hint">{t('alwaysOpen')}</p> : null}
      {rows.map((row, index) => (
        <div key={index} className="opening-row" role="group" aria-label={t('openingRow', { n: index + 1 })}>
          {row.rrule ? (
            <code>{row.rrule}</code>
          ) : (
            weekdays.map((day) => (
              <label key={day} className="day">
                <input
                  type="checkbox"
                  checked={row.days.includes(day)}
                  onChange={(e) =>
                    update(index, {
                      days: e.target.checked ? [...row.days, day] : row.days.filter((d) => d !== day),
                    })
                  }
                />
                {t(`day_${day}`)}
              </label>
            ))
          )}
          <label>
            {t('opensAt')}
            <input
              type="time"
              value={row.start}
              onChange={(e) => update(index, { start: e.target.value })}
              required
            />
          </label>
          <label>
            {t('closesAt')}
            <input
              type="time"
              value={row.end === '24:00' ? '00:00' : row.end}
              onChange={(e) => update(index, { end: e.target.value === '00:00' ? '24:00' : e.target.value })}
              required
            />
          </label>
          <button type="button" onClick={() => onChange(rows.filter((_, i) => i !== index))}>
            {t('remove')}
          </button>
        </div>
      ))}
      <button
        type="button"
        onClick={() =>
          onChange([...rows, { days: ['MO', 'TU', 'WE', 'TH', 'FR'], start: '08:00', end: '18:00' }])
        }
      >
        {t('addOpeningRow')}
      </button>
    </fieldset>
  );
}

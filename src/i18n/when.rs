//! Dates and times in the language spoken: the weekday's name from the messages, the date and
//! the clock in ISO order (`2026-11-24`, `14:30`, a 24-hour clock in every language), put
//! together by a whole message per format (`when-*`), so each language orders them its way.

use chrono::{DateTime, Datelike as _, NaiveDate, TimeZone, Weekday};

use super::{Messages, arg};

impl Messages {
    /// The short name of a weekday: "Mon".
    pub fn weekday(&self, day: Weekday) -> String {
        let id = match day {
            Weekday::Mon => "weekday-mon",
            Weekday::Tue => "weekday-tue",
            Weekday::Wed => "weekday-wed",
            Weekday::Thu => "weekday-thu",
            Weekday::Fri => "weekday-fri",
            Weekday::Sat => "weekday-sat",
            Weekday::Sun => "weekday-sun",
        };
        self.get(id)
    }

    /// The weekday and the time of day: "Tue 14:30".
    pub fn day_time<Tz: TimeZone>(&self, t: &DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        self.when("when-day-time", t, "%H:%M")
    }

    /// The weekday and the time of day to the second: "Tue 14:30:05".
    pub fn day_time_secs<Tz: TimeZone>(&self, t: &DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        self.when("when-day-time", t, "%H:%M:%S")
    }

    /// The weekday, the date and the time: "Tue 2026-11-24 14:30:05".
    pub fn day_date_time<Tz: TimeZone>(&self, t: &DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        self.when("when-day-date-time", t, "%H:%M:%S")
    }

    /// The weekday, the date and the time to the minute: "Tue 2026-11-24 14:30".
    pub fn day_date_minute<Tz: TimeZone>(&self, t: &DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        self.when("when-day-date-time", t, "%H:%M")
    }

    /// The weekday, the date, the time to the minute and the zone: "Tue 2026-11-24 14:30 CET".
    pub fn day_date_zone<Tz: TimeZone>(&self, t: &DateTime<Tz>) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        self.when("when-day-date-time", t, "%H:%M %Z")
    }

    /// A day by its weekday, day of the month and month: "Mon 30 Nov".
    pub fn day_month(&self, date: NaiveDate) -> String {
        let month = [
            "month-jan",
            "month-feb",
            "month-mar",
            "month-apr",
            "month-may",
            "month-jun",
            "month-jul",
            "month-aug",
            "month-sep",
            "month-oct",
            "month-nov",
            "month-dec",
        ];
        let id = month
            .get(usize::try_from(date.month0()).unwrap_or(0))
            .copied()
            .unwrap_or("month-jan");
        let args = [
            ("day", arg(self.weekday(date.weekday()))),
            ("dom", arg(date.day())),
            ("month", arg(self.get(id))),
        ];
        self.fmt("when-day-month", &args)
    }

    /// A day by its weekday and day of the month: "Mon 30".
    pub fn day_of_month(&self, date: NaiveDate) -> String {
        let args = [
            ("day", arg(self.weekday(date.weekday()))),
            ("dom", arg(format!("{:02}", date.day()))),
        ];
        self.fmt("when-day-dom", &args)
    }

    /// `t` through message `id`, its time as `clock` (a chrono format).
    fn when<Tz: TimeZone>(&self, id: &str, t: &DateTime<Tz>, clock: &str) -> String
    where
        Tz::Offset: std::fmt::Display,
    {
        let args = [
            ("day", arg(self.weekday(t.weekday()))),
            ("date", arg(t.format("%Y-%m-%d").to_string())),
            ("time", arg(t.format(clock).to_string())),
        ];
        self.fmt(id, &args)
    }
}

#[cfg(test)]
mod tests {
    use chrono::{FixedOffset, TimeZone as _};

    use crate::i18n::Messages;

    #[test]
    fn english_reads_as_before() {
        let en = Messages::english();
        let t = FixedOffset::east_opt(3600)
            .unwrap()
            .with_ymd_and_hms(2026, 11, 24, 14, 30, 5)
            .unwrap();
        assert_eq!(en.day_time(&t), "Tue 14:30");
        assert_eq!(en.day_date_time(&t), "Tue 2026-11-24 14:30:05");
        assert_eq!(en.day_date_minute(&t), "Tue 2026-11-24 14:30");
        assert_eq!(en.day_date_zone(&t), "Tue 2026-11-24 14:30 +01:00");
        let date = t.date_naive();
        assert_eq!(en.day_month(date), "Tue 24 Nov");
        assert_eq!(en.day_of_month(date.pred_opt().unwrap()), "Mon 23");
    }
}

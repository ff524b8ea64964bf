//! Dates and times in the language spoken: the weekday's name from the messages, the date and
//! the clock in ISO order (`2026-11-24`, `14:30`, a 24-hour clock in every language), put
//! together by a whole message per format (`when-*`), so each language orders them its way.

use chrono::{DateTime, Datelike as _, TimeZone, Weekday};

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
    }
}

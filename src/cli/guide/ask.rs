//! The guide's questions at the end (and after Ctrl-C): did it hurt, and should the holds be
//! easier or harder next time. An answer is one line; the end of the input (a pipe, no
//! terminal) and an empty line take the default, so the guide never waits in a script.

use crate::i18n::{answers, arg, cli};
use std::io::{self, BufRead, Write as _};

use crate::schedule::level::Adjust;

/// How often an answer that is not one of the choices is asked again before the default is
/// taken.
const TRIES: usize = 3;

/// Where the answers come from. Once its input has ended, every question takes its default
/// without asking: a terminal reports the end (Ctrl-D) once and then waits again.
pub(super) struct Questions<R> {
    input: R,
    ended: bool,
}

impl<R: BufRead> Questions<R> {
    /// Questions answered from `input`.
    pub(super) fn new(input: R) -> Self {
        Questions {
            input,
            ended: false,
        }
    }

    /// "Did it hurt? [y/N]": `true` for yes.
    pub(super) fn hurt(&mut self) -> io::Result<bool> {
        let question = format!("{} ", cli().get("guide-ask-hurt"));
        let yes = self.ask(&question, parse_hurt)?;
        Ok(yes.unwrap_or(false))
    }

    /// After a session: which of its stretches (`names`, in order) hurt, by number; `None` for
    /// none (an empty line, "n", the end of the input).
    pub(super) fn which_hurt<S: AsRef<str>>(&mut self, names: &[S]) -> io::Result<Option<usize>> {
        let m = cli();
        let listed: Vec<String> = (1..)
            .zip(names)
            .map(|(n, name)| format!("{n} {}", name.as_ref()))
            .collect();
        let listed = arg(crate::i18n::list(m, &listed));
        let question = format!(
            "{} ",
            m.fmt("guide-ask-which-hurt", &[("stretches", listed)])
        );
        let answer = self.ask(&question, |line| parse_which(line, names.len()))?;
        Ok(match answer {
            Some(Which::Stretch(index)) => Some(index),
            Some(Which::Nothing) | None => None,
        })
    }

    /// "Next time: [e]asier / [o]k as it is / [h]arder?", for a stretch with a level
    /// (`leveled`); the adjustment asked for. Nothing is asked of any other stretch.
    pub(super) fn adjust(&mut self, leveled: bool) -> io::Result<Option<Adjust>> {
        if !leveled {
            return Ok(None);
        }
        let question = format!("{} ", cli().get("guide-ask-next-time"));
        Ok(match self.ask(&question, parse_adjust)? {
            Some(NextTime::Easier) => Some(Adjust::Easier),
            Some(NextTime::Harder) => Some(Adjust::Harder),
            Some(NextTime::AsIs) | None => None,
        })
    }

    /// Asks `question` until `parse` takes the answer ([`TRIES`] times at most); `None` at the
    /// end of the input or when no answer was taken.
    fn ask<T>(
        &mut self,
        question: &str,
        parse: impl Fn(&str) -> Option<T>,
    ) -> io::Result<Option<T>> {
        for _ in 0..TRIES {
            if self.ended {
                return Ok(None);
            }
            let mut out = io::stdout().lock();
            write!(out, "{question}")?;
            out.flush()?;
            drop(out);
            let mut line = String::new();
            if self.input.read_line(&mut line)? == 0 {
                self.ended = true;
                super::say("")?;
                return Ok(None);
            }
            if let Some(answer) = parse(&line) {
                return Ok(Some(answer));
            }
            super::say(&cli().get("guide-ask-again"))?;
        }
        Ok(None)
    }
}

/// An answer to "Next time: ...?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum NextTime {
    Easier,
    AsIs,
    Harder,
}

/// `y`/`yes` (and the language's own words for yes, `answer-yes`) is yes; `n`/`no` (and
/// `answer-no`'s) and an empty line are no; anything else is not an answer.
fn parse_hurt(line: &str) -> Option<bool> {
    let m = cli();
    match line.trim().to_lowercase().as_str() {
        "y" | "yes" => Some(true),
        "" | "n" | "no" => Some(false),
        word if answers(m, "answer-yes", word) => Some(true),
        word if answers(m, "answer-no", word) => Some(false),
        _ => None,
    }
}

/// An answer to "Did one of them hurt?".
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Which {
    /// None of them.
    Nothing,
    /// The stretch at this index.
    Stretch(usize),
}

/// A stretch's number from 1 to `of` is that stretch; `n`/`no` and an empty line are none;
/// anything else is not an answer.
fn parse_which(line: &str, of: usize) -> Option<Which> {
    match line.trim().to_lowercase().as_str() {
        "" | "n" | "no" => Some(Which::Nothing),
        word if answers(cli(), "answer-no", word) => Some(Which::Nothing),
        number => match number.parse::<usize>() {
            Ok(n) if (1..=of).contains(&n) => Some(Which::Stretch(n - 1)),
            _ => None,
        },
    }
}

/// `e`/`easier`/`easy` is easier, `h`/`harder`/`hard` harder, `o`/`ok` and an empty line keep
/// it as it is; anything else is not an answer.
fn parse_adjust(line: &str) -> Option<NextTime> {
    match line.trim().to_lowercase().as_str() {
        "e" | "easy" | "easier" => Some(NextTime::Easier),
        "h" | "hard" | "harder" => Some(NextTime::Harder),
        "" | "o" | "ok" => Some(NextTime::AsIs),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn answers_parse_and_anything_else_is_asked_again() {
        for (line, hurt) in [
            ("y\n", Some(true)),
            (" Yes \n", Some(true)),
            ("\n", Some(false)),
            ("n", Some(false)),
            ("maybe\n", None),
        ] {
            assert_eq!(parse_hurt(line), hurt, "{line:?}");
        }
        for (line, adjust) in [
            ("e\n", Some(NextTime::Easier)),
            ("EASY", Some(NextTime::Easier)),
            ("h\n", Some(NextTime::Harder)),
            ("harder", Some(NextTime::Harder)),
            ("o\n", Some(NextTime::AsIs)),
            ("\n", Some(NextTime::AsIs)),
            ("x\n", None),
        ] {
            assert_eq!(parse_adjust(line), adjust, "{line:?}");
        }
    }

    #[test]
    fn which_stretch_hurt_is_its_number_and_nothing_else() {
        for (line, which) in [
            ("2\n", Some(Which::Stretch(1))),
            (" 1 ", Some(Which::Stretch(0))),
            ("\n", Some(Which::Nothing)),
            ("no", Some(Which::Nothing)),
            ("0", None),
            ("5", None),
            ("cat", None),
        ] {
            assert_eq!(parse_which(line, 4), which, "{line:?}");
        }
        let names = ["Cat-camel", "Seated twist"];
        assert_eq!(
            Questions::new(&b"x\n2\n"[..]).which_hurt(&names).unwrap(),
            Some(1)
        );
        assert_eq!(Questions::new(&b""[..]).which_hurt(&names).unwrap(), None);
    }

    #[test]
    fn the_end_of_the_input_and_repeated_nonsense_take_the_default() {
        let q = |input: &'static [u8]| Questions::new(input);
        assert!(!q(b"").hurt().unwrap());
        assert!(!q(b"what\nwhat\nwhat\ny\n").hurt().unwrap());
        assert!(q(b"what\ny\n").hurt().unwrap());
        assert_eq!(q(b"h\n").adjust(true).unwrap(), Some(Adjust::Harder));
        assert_eq!(q(b"h\n").adjust(false).unwrap(), None);
        let mut both = q(b"\ne\n");
        assert!(!both.hurt().unwrap());
        assert_eq!(both.adjust(true).unwrap(), Some(Adjust::Easier));
        // After the end of the input nothing more is read.
        let mut ended = q(b"");
        assert!(!ended.hurt().unwrap());
        assert!(ended.ended);
        assert_eq!(ended.adjust(true).unwrap(), None);
    }
}

//! The question queue: jurors waiting to ask the team on stage a question.
//!
//! The head of the queue is speaking (its `since` is set once the questions
//! phase runs); `done` logs its question and gives the floor to the next.
//! Every function returns the new queue, sent as `Change::SetQueue`.

use chrono::{DateTime, TimeDelta, Utc};

use super::session::{JurorId, Question, Speaker, TeamId};

/// The queue with `juror` added at the end, for `team`. The first in an
/// empty queue speaks at once when the questions phase runs. `None` when the
/// juror is already waiting for this team.
pub fn enqueue(
    queue: &[Speaker],
    juror: &JurorId,
    team: &TeamId,
    questions_running: bool,
    now: DateTime<Utc>,
) -> Option<Vec<Speaker>> {
    if queue.iter().any(|s| &s.juror == juror && &s.team == team) {
        return None;
    }
    let mut new = queue.to_vec();
    new.push(Speaker {
        juror: juror.clone(),
        team: team.clone(),
        since: None,
    });
    Some(if questions_running {
        give_floor(new, now)
    } else {
        new
    })
}

/// The head has finished: the queue without it and the question to log
/// (`None` when nobody is speaking).
pub fn done(queue: &[Speaker], now: DateTime<Utc>) -> Option<(Vec<Speaker>, Question)> {
    let head = queue.first()?;
    let question = Question {
        team: head.team.clone(),
        juror: head.juror.clone(),
        start: head.since.unwrap_or(now),
        end: now,
    };
    Some((give_floor(queue[1..].to_vec(), now), question))
}

/// The queue without entry `index` (a juror who changed their mind or a
/// wrong key; nothing is logged). The next in line speaks if the head left.
pub fn remove(queue: &[Speaker], index: usize, now: DateTime<Utc>) -> Option<Vec<Speaker>> {
    if index >= queue.len() {
        return None;
    }
    let mut new = queue.to_vec();
    new.remove(index);
    Some(if index == 0 {
        give_floor(new, now)
    } else {
        new
    })
}

/// When the questions phase starts, the head of the queue speaks from `now`.
pub fn give_floor(mut queue: Vec<Speaker>, now: DateTime<Utc>) -> Vec<Speaker> {
    if let Some(head) = queue.first_mut()
        && head.since.is_none()
    {
        head.since = Some(now);
    }
    queue
}

/// When the questions end: the empty queue and the head's question, if it
/// was speaking.
pub fn close(queue: &[Speaker], now: DateTime<Utc>) -> Option<Question> {
    let head = queue.first()?;
    head.since.map(|start| Question {
        team: head.team.clone(),
        juror: head.juror.clone(),
        start,
        end: now,
    })
}

/// How long the speaker has been speaking (`None` if not yet).
pub fn elapsed(speaker: &Speaker, now: DateTime<Utc>) -> Option<TimeDelta> {
    speaker
        .since
        .map(|since| (now - since).max(TimeDelta::zero()))
}

/// The next whole second of the head's speaking time.
pub fn next_visible_change(queue: &[Speaker], now: DateTime<Utc>) -> Option<DateTime<Utc>> {
    let since = queue.first()?.since?;
    let ns = (now - since).num_nanoseconds()?;
    if ns < 0 {
        return Some(since);
    }
    let step = 1_000_000_000 - ns % 1_000_000_000;
    Some(now + TimeDelta::nanoseconds(step))
}

#[cfg(test)]
mod tests {
    use chrono::TimeZone;

    use super::*;

    fn at(secs: i64) -> DateTime<Utc> {
        Utc.with_ymd_and_hms(2026, 3, 12, 9, 0, 0).unwrap() + TimeDelta::seconds(secs)
    }

    fn ids(queue: &[Speaker]) -> Vec<&str> {
        queue.iter().map(|s| s.juror.as_str()).collect()
    }

    #[test]
    fn first_in_line_speaks_during_questions_others_wait() {
        let t = TeamId::from("T1");
        let q = enqueue(&[], &"J1".into(), &t, true, at(0)).unwrap();
        let q = enqueue(&q, &"J2".into(), &t, true, at(5)).unwrap();
        assert_eq!(ids(&q), ["J1", "J2"]);
        assert_eq!(q[0].since, Some(at(0)));
        assert_eq!(q[1].since, None);
        assert_eq!(enqueue(&q, &"J1".into(), &t, true, at(6)), None);
        assert_eq!(elapsed(&q[0], at(42)), Some(TimeDelta::seconds(42)));
    }

    #[test]
    fn queued_during_the_pitch_speaks_when_questions_start() {
        let t = TeamId::from("T1");
        let q = enqueue(&[], &"J3".into(), &t, false, at(0)).unwrap();
        assert_eq!(q[0].since, None);
        assert_eq!(close(&q, at(10)), None);
        let q = give_floor(q, at(100));
        assert_eq!(q[0].since, Some(at(100)));
    }

    #[test]
    fn done_logs_the_question_and_hands_over() {
        let t = TeamId::from("T1");
        let q = enqueue(&[], &"J1".into(), &t, true, at(0)).unwrap();
        let q = enqueue(&q, &"J2".into(), &t, true, at(3)).unwrap();
        let (q, question) = done(&q, at(40)).unwrap();
        assert_eq!(
            question,
            Question {
                team: t.clone(),
                juror: "J1".into(),
                start: at(0),
                end: at(40)
            }
        );
        assert_eq!(ids(&q), ["J2"]);
        assert_eq!(q[0].since, Some(at(40)));
        let (q, _) = done(&q, at(70)).unwrap();
        assert!(q.is_empty());
        assert_eq!(done(&q, at(80)), None);
    }

    #[test]
    fn remove_drops_one_and_the_next_speaks_if_it_was_the_head() {
        let t = TeamId::from("T1");
        let mut q = Vec::new();
        for (i, j) in ["J1", "J2", "J3"].iter().enumerate() {
            q = enqueue(&q, &JurorId::from(*j), &t, true, at(i as i64)).unwrap();
        }
        let without_j2 = remove(&q, 1, at(9)).unwrap();
        assert_eq!(ids(&without_j2), ["J1", "J3"]);
        assert_eq!(without_j2[0].since, Some(at(0)));
        let without_head = remove(&q, 0, at(9)).unwrap();
        assert_eq!(ids(&without_head), ["J2", "J3"]);
        assert_eq!(without_head[0].since, Some(at(9)));
        assert_eq!(remove(&q, 3, at(9)), None);
    }

    #[test]
    fn speaking_time_changes_on_whole_seconds() {
        let t = TeamId::from("T1");
        let q = enqueue(&[], &"J1".into(), &t, true, at(10)).unwrap();
        let now = at(12) + TimeDelta::milliseconds(300);
        assert_eq!(next_visible_change(&q, now), Some(at(13)));
        assert_eq!(next_visible_change(&q, at(12)), Some(at(13)));
        assert_eq!(next_visible_change(&[], at(12)), None);
    }
}

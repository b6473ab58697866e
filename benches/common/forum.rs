//! The generated forums of the benchmarks: T teams × 60 jurors × 6
//! criteria (weights 2, 1.5, 1, 1, 0.5, 1; values 0–10 step 0.5).

use podium::domain::session::{Sheet, SheetKey};
use podium::domain::{Criterion, Dec, Event, Juror, Organisation, Session, Settings, Slot, Team};

pub const JURORS: usize = 60;
pub const CRITERIA: [(&str, &str); 6] = [
    ("impact", "2"),
    ("feasibility", "1.5"),
    ("innovation", "1"),
    ("transfer", "1"),
    ("cost", "0.5"),
    ("pitch", "1"),
];

/// A deterministic forum: values 0–10 step 0.5 from a xorshift generator;
/// about 1 juror in 40 is absent for a team.
pub fn forum(teams: usize) -> Session {
    let mut s = Session::new(
        "bench",
        Event {
            title: format!("Bench {teams}"),
            ..Event::default()
        },
        Settings::default(),
    );
    let orgs = ["somme", "nord", "pas-de-calais", "oise", "val-d-oise"];
    s.organisations = orgs
        .iter()
        .map(|o| Organisation {
            id: (*o).into(),
            name: o.to_string(),
        })
        .collect();
    s.teams = (0..teams)
        .map(|i| Team {
            id: format!("T{i:05}").into(),
            name: format!("Team {i}"),
            project: String::new(),
            summary: String::new(),
            org: orgs[i % orgs.len()].into(),
            members: vec![],
            status: Default::default(),
        })
        .collect();
    s.schedule = s
        .teams
        .iter()
        .map(|t| Slot::Team { team: t.id.clone() })
        .collect();
    s.jurors = (0..JURORS)
        .map(|j| Juror {
            id: format!("J{j:02}").into(),
            name: format!("Juror {j}"),
            role: String::new(),
            org: orgs[j % orgs.len()].into(),
        })
        .collect();
    s.criteria = CRITERIA
        .iter()
        .map(|(id, weight)| Criterion {
            id: (*id).into(),
            label: id.to_string(),
            weight: weight.parse().unwrap(),
            min: Dec::ZERO,
            max: Dec::int(10),
            step: "0.5".parse().unwrap(),
        })
        .collect();
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        x
    };
    for t in &s.teams {
        for j in &s.jurors {
            let key = SheetKey::new(t.id.clone(), j.id.clone());
            if next() % 40 == 0 {
                let sheet = Sheet {
                    mark: Some(podium::domain::Mark::Absent),
                    ..Sheet::default()
                };
                s.sheets.insert(key, sheet);
                continue;
            }
            let mut sheet = Sheet::default();
            for (id, _) in CRITERIA {
                let half_steps = (next() % 21) as i64;
                sheet
                    .values
                    .insert((*id).into(), Dec::from_raw(half_steps * 500_000));
            }
            s.sheets.insert(key, sheet);
        }
    }
    s
}
